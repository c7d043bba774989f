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
    // The fixture's ids are clean; a copy whose scenario id is hostile too (DOT would write
    // it as the graph's name) is refused before anything is drawn.
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
    for format in ["dot", "mermaid"] {
        let out = downtime(&["graph", h, "--format", format]);
        let text = clean(&format!("graph --format {format}"), &out);
        assert!(out.status.success(), "{text}");
        assert!(text.contains("␛]52;c;ZXZpbA==␇"), "{text}");
        // A hostile scenario id is refused by the validator, with a clean diagnostic.
        let path = renamed.to_str().unwrap();
        for args in [vec!["graph", path, "--format", format], vec!["check", path]] {
            let out = downtime(&args);
            clean(&format!("{args:?}"), &out);
            assert_eq!(out.status.code(), Some(1), "{args:?}");
            let shown = String::from_utf8_lossy(&out.stdout).into_owned()
                + &String::from_utf8_lossy(&out.stderr);
            assert!(shown.contains("not a valid scenario id"), "{shown}");
        }
    }
}

/// Hostile file names: a scenario, its folder, a journal and `-o` targets whose names carry
/// an OSC title change, a screen clear, a C1 CSI and a right-to-left override. Every
/// command that names a path (in a result, a hint, a warning or an error) shows them as
/// placeholders; none reaches the terminal raw. Unix only: Windows forbids such names.
#[cfg(unix)]
#[test]
fn hostile_file_names_reach_no_terminal() {
    let name = "x\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{202e}gpj";
    let shown = "x␛]0;pwned␇␛[2J�31m�gpj";
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join(format!("dir-{name}"));
    std::fs::create_dir_all(dir.join("attachments")).unwrap();
    let src = hostile();
    let scenario = dir.join(format!("{name}.ron"));
    // The attachment's file name is hostile too (written in RON with escapes).
    let ron_name = name
        .replace('\u{1b}', "\\u{1b}")
        .replace('\u{7}', "\\u{7}")
        .replace('\u{9b}', "\\u{9b}")
        .replace('\u{202e}', "\\u{202e}");
    let text = std::fs::read_to_string(&src).unwrap().replace(
        "attachments/hostile-note.txt",
        &format!("attachments/{ron_name}.txt"),
    );
    std::fs::write(&scenario, text).unwrap();
    std::fs::copy(
        src.parent().unwrap().join("attachments/hostile-note.txt"),
        dir.join(format!("attachments/{name}.txt")),
    )
    .unwrap();
    let sc = scenario.to_str().unwrap();
    let journal = dir.join(format!("{name}.jsonl"));
    let j = journal.to_str().unwrap();
    let expect_shown = |what: &str, out: &Output| {
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            text.contains(shown),
            "{what} names the path as placeholders:\n{text}"
        );
    };

    let out = downtime(&["check", sc]);
    clean("check", &out);
    expect_shown("check", &out);
    let out = downtime(&["run", sc, "--seed", "2", "--journal", j]);
    clean("run --journal", &out);
    assert!(out.status.success());
    expect_shown("run --journal", &out);
    let out = downtime_in(&["run", sc, "--interactive", "--resume", j], Some("q\n"));
    clean("run --interactive --resume", &out);
    expect_shown("run --interactive --resume", &out);
    let out = downtime(&["fork", j, "--at", "2"]);
    clean("fork", &out);
    assert!(out.status.success());
    expect_shown("fork (default output beside the journal)", &out);
    let target = dir.join(format!("{name}.md"));
    let out = downtime(&["report", j, "-o", target.to_str().unwrap()]);
    clean("report -o", &out);
    assert!(out.status.success());
    expect_shown("report -o", &out);
    for format in ["md", "html", "json"] {
        let out = downtime(&["report", j, "--format", format]);
        clean(&format!("report --format {format}"), &out);
        assert!(out.status.success());
    }
    let out = downtime(&["simulate", sc, "--runs", "20", "--jobs", "1"]);
    clean("simulate", &out);
    let out = downtime(&["graph", sc]);
    clean("graph", &out);
    let new = dir.join(format!("{name}-new"));
    let out = downtime(&["new", new.to_str().unwrap()]);
    clean("new", &out);
    expect_shown("new", &out);

    // Errors name hostile paths too: missing files, a refused overwrite, bad arguments.
    let missing = dir.join(format!("missing-{name}.jsonl"));
    let m = missing.to_str().unwrap();
    for args in [
        vec!["report", m],
        vec!["fork", m, "--at", "1"],
        vec!["run", sc, "--resume", m],
        vec!["play", "--resume", m],
        vec!["present", m],
        vec!["check", m],
        vec!["play", sc, "--journal", j],
    ] {
        let out = downtime(&args);
        clean(&format!("{:?}", args[0]), &out);
        assert_ne!(out.status.code(), Some(0), "{args:?} fails");
        expect_shown(&format!("{args:?}"), &out);
    }
    // Arguments clap refuses: it quotes them (dropping escape sequences itself).
    for args in [vec!["run", sc, "--seed", name], vec![name]] {
        let out = downtime(&args);
        clean(&format!("{args:?}"), &out);
        assert_eq!(out.status.code(), Some(2), "{args:?} fails");
    }
}

/// `run` on a full file system: the command that cannot be saved stops the run with exit
/// 2, and the journal stays readable, holding every command acknowledged before it.
#[test]
fn run_on_a_full_disk_keeps_a_readable_journal() {
    let Some(fs) = smallfs::SmallFs::mount(64) else {
        return;
    };
    let journal = fs.path().join("run.jsonl");
    // A header that ends a few bytes short of a page: once the disk is full, the first
    // command's line cannot be written whole (tmpfs gives space by the page).
    let tutorial = downtime::bundled::find("tutorial")
        .unwrap()
        .load()
        .scenario
        .unwrap();
    let create = |source: &str| {
        downtime::journal::Session::create(
            tutorial.clone(),
            source,
            4,
            &journal,
            "2026-01-01T00:00:00Z".into(),
        )
        .unwrap()
    };
    drop(create(""));
    let len = std::fs::metadata(&journal).unwrap().len() as usize;
    std::fs::remove_file(&journal).unwrap();
    drop(create(&"s".repeat(4096 - 16 - len)));
    assert_eq!(std::fs::metadata(&journal).unwrap().len(), 4096 - 16);
    fs.fill();
    let out = downtime(&[
        "run",
        "scenarios/tutorial.ron",
        "--resume",
        journal.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("not saved"), "{err}");
    let read = downtime::journal::read_journal(&journal).expect("readable");
    assert!(read.warning.is_none(), "{:?}", read.warning);
    // Space returns: the run goes on to the end from where it stopped.
    let before = read.entries.len();
    fs.free();
    let out = downtime(&[
        "run",
        "scenarios/tutorial.ron",
        "--resume",
        journal.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let read = downtime::journal::read_journal(&journal).unwrap();
    assert!(read.entries.len() > before);
    for (i, e) in read.entries.iter().enumerate() {
        assert_eq!(e.seq, i as u64 + 1);
    }
}

#[path = "support/smallfs.rs"]
mod smallfs;
