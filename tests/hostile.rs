//! A hostile scenario (`tests/fixtures/hostile/hostile.ron`): every text carries an OSC 52
//! clipboard write, an OSC title change, a screen clear, cursor movement, a C1 CSI, a
//! right-to-left override, a carriage return and a backspace. No command may print any of
//! them: `check`, `run` (transcript, JSON, interactive, resume), `simulate`, `report`
//! (Markdown, HTML, JSON), `graph` and `fork` show them as visible placeholders.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_downtime")
}

fn hostile() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile/hostile.ron")
}

fn downtime(args: &[&str]) -> Output {
    downtime_in(args, None)
}

fn downtime_in(args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(bin());
    cmd.args(args)
        .env("NO_COLOR", "1")
        .env(
            "XDG_DATA_HOME",
            std::env::temp_dir().join("downtime-hostile-data"),
        )
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if stdin.is_some() {
        cmd.stdin(Stdio::piped());
    } else {
        cmd.stdin(Stdio::null());
    }
    let mut child = cmd.spawn().expect("the binary runs");
    if let Some(text) = stdin {
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    child.wait_with_output().unwrap()
}

/// Panics if the bytes hold anything a terminal would interpret: ESC, BEL, backspace, a
/// carriage return, any other C0 control but newline and tab, DEL, a C1 control, a
/// bidirectional control, or anything else `downtime::text` calls dangerous. They must also be
/// UTF-8: a lossy decoding would hide a raw C1 byte (0x9B is CSI) behind U+FFFD.
fn assert_clean(what: &str, bytes: &[u8]) {
    let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{what}: not UTF-8: {e}"));
    for (i, c) in text.char_indices() {
        let u = c as u32;
        let bad = (u < 0x20 && c != '\n' && c != '\t')
            || u == 0x7f
            || (0x80..=0x9f).contains(&u)
            || downtime::text::is_bidi_control(c)
            || (downtime::text::is_dangerous(c) && c != '\n' && c != '\t');
        if bad {
            let from = text[..i].char_indices().rev().nth(40).map_or(0, |(k, _)| k);
            panic!(
                "{what}: U+{u:04X} reached the output at byte {i}, after {:?}",
                &text[from..i]
            );
        }
    }
}

/// Both streams clean; returns stdout as text.
fn clean(what: &str, out: &Output) -> String {
    assert_clean(&format!("{what} (stdout)"), &out.stdout);
    assert_clean(&format!("{what} (stderr)"), &out.stderr);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The placeholder form of the fixture's payload, as people see it.
const SHOWN: &str = "␛]52;c;ZXZpbA==␇␛]0;pwned␇␛[2J␛[10;10H�31m�␍␈";

#[test]
fn check_prints_no_control_character() {
    let out = downtime(&["check", hostile().to_str().unwrap()]);
    let text = clean("check", &out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("ok:"), "{text}");
    let out = downtime(&["check", "--format", "json", hostile().to_str().unwrap()]);
    let text = clean("check --format json", &out);
    serde_json::from_str::<serde_json::Value>(&text).expect("check's JSON parses");
}

#[test]
fn check_shows_a_hostile_source_line_as_placeholders() {
    // A broken copy: the diagnostic quotes the hostile line of the file.
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(hostile()).unwrap();
    let raw = "\u{1b}]52;c;ZXZpbA==\u{7}\u{1b}]0;pwned\u{7}\u{1b}[2J\u{1b}[10;10H\u{9b}31m\u{202e}\r\u{8}";
    let broken = text.replacen(
        "title: \"Hostile title",
        &format!("titel: \"{raw}\", title: \"Hostile title"),
        1,
    );
    let p = dir.path().join("broken.ron");
    std::fs::write(&p, broken).unwrap();
    for format in ["text", "json"] {
        let out = downtime(&["check", "--format", format, p.to_str().unwrap()]);
        let shown = clean(&format!("check --format {format}"), &out);
        assert_eq!(out.status.code(), Some(1), "{shown}");
        assert!(shown.contains("titel"), "{shown}");
        if format == "text" {
            assert!(shown.contains("␛]52;c;ZXZpbA==␇"), "{shown}");
        }
    }
}

#[test]
fn run_prints_no_control_character() {
    let h = hostile();
    let h = h.to_str().unwrap();
    for policy in ["first", "random", "best-practice"] {
        let out = downtime(&["run", h, "--seed", "3", "--policy", policy, "--no-journal"]);
        let text = clean(&format!("run --policy {policy}"), &out);
        assert!(out.status.success(), "{text}");
        assert!(
            text.contains(SHOWN),
            "the payload is shown as placeholders:\n{text}"
        );
    }
    let out = downtime(&["run", h, "--seed", "3", "--no-journal", "--format", "json"]);
    let text = clean("run --format json", &out);
    serde_json::from_str::<serde_json::Value>(&text).expect("run's JSON parses");
    // Interactive: prompts, options (one unavailable, with its reason) and phase breaks.
    let out = downtime_in(
        &["run", h, "--seed", "3", "--interactive", "--no-journal"],
        Some("3\n1\n\n1\n\n\n"),
    );
    let text = clean("run --interactive", &out);
    assert!(text.contains("not available"), "{text}");
    assert!(text.contains("Option A ␛]52"), "{text}");
}

/// Records a journal whose own strings (notes, overrides, the reason to end) are hostile.
fn hostile_journal(dir: &Path) -> PathBuf {
    let journal = dir.join("hostile.jsonl");
    let plan = dir.join("plan.txt");
    let raw =
        "\u{1b}]52;c;ZXZpbA==\u{7}\u{1b}]0;pwned\u{7}\u{1b}[2J\u{1b}[10;10H\u{9b}31m\u{202e}\u{8}";
    std::fs::write(
        &plan,
        format!(
            "note Note {raw} end\nchoose pick a\nset safety 70 Because {raw} end\nnote Second {raw} note\nnext-inject\nchoose reply yes\n"
        ),
    )
    .unwrap();
    let out = downtime(&[
        "run",
        hostile().to_str().unwrap(),
        "--seed",
        "5",
        "--journal",
        journal.to_str().unwrap(),
        "--policy",
        &format!("script:{}", plan.display()),
    ]);
    let text = clean("run --policy script:", &out);
    assert!(out.status.success(), "{text}");
    let read = downtime::journal::read_journal(&journal).unwrap();
    assert!(
        read.entries.iter().any(|e| serde_json::to_string(&e.cmd)
            .unwrap()
            .contains("\\u001b]52")),
        "the journal holds the hostile note"
    );
    journal
}

#[test]
fn reports_print_no_control_character() {
    let dir = tempfile::tempdir().unwrap();
    let j = hostile_journal(dir.path());
    let j = j.to_str().unwrap();
    let out = downtime(&["report", j]);
    let md = clean("report --format md", &out);
    assert!(out.status.success(), "{md}");
    // Markdown also escapes its own punctuation (`\]`).
    assert!(md.contains("Note ␛\\]52;c;ZXZpbA==␇"), "{md}");
    let out = downtime(&["report", j, "--format", "html"]);
    let html = clean("report --format html", &out);
    assert!(
        html.contains("Note ␛]52;c;ZXZpbA==␇"),
        "HTML shows placeholders too"
    );
    let out = downtime(&["report", j, "--format", "json"]);
    let json = clean("report --format json", &out);
    serde_json::from_str::<serde_json::Value>(&json).expect("the JSON report parses");
    // Written to a file: the same bytes, and the message naming it is clean.
    let md_file = dir.path().join("aar.md");
    let out = downtime(&["report", j, "-o", md_file.to_str().unwrap()]);
    clean("report -o", &out);
    assert_clean("report file", &std::fs::read(&md_file).unwrap());
    // Resuming and forking it print its decisions and notes: clean too.
    let h = hostile();
    let out = downtime(&["run", "--resume", j, h.to_str().unwrap()]);
    let text = clean("run --resume", &out);
    assert!(text.contains("resumed at"), "{text}");
    let out = downtime(&["fork", j, "--at", "2"]);
    clean("fork", &out);
}

#[test]
fn simulate_and_graph_print_no_control_character() {
    let h = hostile();
    let h = h.to_str().unwrap();
    let out = downtime(&["simulate", h, "--runs", "200", "--jobs", "1"]);
    let text = clean("simulate", &out);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("␛]52;c;ZXZpbA==␇"), "{text}");
    let out = downtime(&["simulate", h, "--runs", "50", "--format", "json"]);
    let text = clean("simulate --format json", &out);
    serde_json::from_str::<serde_json::Value>(&text).expect("simulate's JSON parses");
    // The fixture's ids are clean, but the scenario id need only be non-empty, and DOT writes
    // it as the graph's name: graph a copy whose id is hostile too.
    let dir = tempfile::tempdir().unwrap();
    let renamed = dir.path().join("hostile.ron");
    let text = std::fs::read_to_string(hostile()).unwrap();
    let raw = "\\u{1b}]52;c;ZXZpbA==\\u{7}\\u{1b}]0;pwned\\u{7}\\u{9b}31m\\u{202e}\\r";
    let text = text.replacen("id: \"hostile\",", &format!("id: \"hostile {raw}\","), 1);
    assert!(
        text.contains("id: \"hostile \\u{1b}"),
        "the fixture's id changed"
    );
    std::fs::write(&renamed, text).unwrap();
    let attachments = hostile().parent().unwrap().join("attachments");
    std::fs::create_dir(dir.path().join("attachments")).unwrap();
    for entry in std::fs::read_dir(attachments).unwrap() {
        let entry = entry.unwrap();
        let to = dir.path().join("attachments").join(entry.file_name());
        std::fs::copy(entry.path(), to).unwrap();
    }
    for path in [h, renamed.to_str().unwrap()] {
        for format in ["dot", "mermaid"] {
            let out = downtime(&["graph", path, "--format", format]);
            let text = clean(&format!("graph --format {format} {path}"), &out);
            assert!(out.status.success(), "{text}");
            assert!(text.contains("␛]52;c;ZXZpbA==␇"), "{text}");
        }
    }
}
