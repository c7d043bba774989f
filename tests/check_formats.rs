//! `downtime check`'s forms for tools (`--format concise`, `github`, `sarif`), standard input
//! (`check -`), and colour: what the real binary prints.

use std::io::Write;
use std::process::{Command, Stdio};

const DIR: &str = "tests/fixtures/diagnostics";

/// Runs `downtime check` with extra environment variables and standard input.
fn run(args: &[&str], env: &[(&str, &str)], stdin: Option<&[u8]>) -> (i32, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_downtime"));
    cmd.arg("check")
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("TERM")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(bytes) = stdin {
        input.write_all(bytes).unwrap();
    }
    drop(input);
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
    )
}

fn check(args: &[&str]) -> (i32, String) {
    run(args, &[], None)
}

#[test]
fn concise_prints_one_line_per_diagnostic() {
    let three = format!("{DIR}/three-mistakes.ron");
    let (code, out) = check(&["--format", "concise", &three, &format!("{DIR}/DT1003.ron")]);
    assert_eq!(code, 1);
    assert_eq!(out.lines().count(), 4, "{out}");
    for line in out.lines() {
        let (place, rest) = line.split_once(": ").unwrap();
        let mut parts = place.rsplitn(3, ':');
        assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{line}");
        assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{line}");
        assert!(
            rest.starts_with("error[DT") || rest.starts_with("warning[DT1"),
            "{line}"
        );
    }
    insta::assert_snapshot!("concise", out);
    // A problem with the whole file is placed at its start.
    let (code, out) = check(&["--format", "concise", "/nonexistent/x.ron"]);
    assert_eq!(code, 2);
    assert_eq!(
        out,
        "/nonexistent/x.ron:1:1: error[DT0100]: cannot read `/nonexistent/x.ron`: no such file\n"
    );
    let (code, out) = check(&["--format", "concise", "scenarios/tutorial.ron"]);
    assert_eq!((code, out.as_str()), (0, ""));
}

#[test]
fn github_prints_workflow_commands() {
    let three = format!("{DIR}/three-mistakes.ron");
    let (code, out) = check(&["--format", "github", &three, &format!("{DIR}/DT1003.ron")]);
    assert_eq!(code, 1);
    assert_eq!(out.lines().count(), 4, "{out}");
    assert!(out.lines().take(3).all(|l| l.starts_with("::error file=")));
    assert!(out.lines().nth(3).unwrap().starts_with("::warning file="));
    insta::assert_snapshot!("github", out);
    // Properties escape `:` and `,`; the message escapes new lines.
    let dir = tempfile::tempdir().unwrap();
    let odd = dir.path().join("a,b:c.ron");
    std::fs::copy(format!("{DIR}/DT0002.ron"), &odd).unwrap();
    let (_, out) = check(&["--format", "github", odd.to_str().unwrap()]);
    assert!(out.contains("a%2Cb%3Ac.ron,line=15,col=13,endLine=15,endColumn=19,title=DT0002::unknown field `colour`%0Ahelp: fields of `Inject`"), "{out}");
    assert_eq!(out.lines().count(), 1);
}

fn sarif_validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string("tests/fixtures/sarif/sarif-schema-2.1.0.json").unwrap(),
    )
    .unwrap();
    jsonschema::validator_for(&schema).expect("the SARIF schema compiles")
}

fn assert_valid(validator: &jsonschema::Validator, log: &serde_json::Value) {
    let errors: Vec<String> = validator
        .iter_errors(log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "invalid SARIF:\n{}", errors.join("\n"));
}

#[test]
fn sarif_is_valid_against_the_published_schema() {
    let validator = sarif_validator();
    // The schema is not a rubber stamp: a result without a message is refused.
    let bad = serde_json::json!({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}},
        "results": [{"ruleId": "DT0001"}]}]});
    assert!(!validator.is_valid(&bad));

    let three = format!("{DIR}/three-mistakes.ron");
    let (code, out) = check(&[
        "--format",
        "sarif",
        &three,
        &format!("{DIR}/DT1003.ron"),
        "/nonexistent/x.ron",
    ]);
    assert_eq!(code, 2);
    let log: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_valid(&validator, &log);
    let run = &log["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "downtime");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(
        rules.len(),
        downtime::scenario::diagnostics::Code::ALL.len()
    );
    for r in rules {
        assert!(
            r["shortDescription"]["text"]
                .as_str()
                .is_some_and(|t| !t.is_empty())
        );
        assert!(
            r["fullDescription"]["text"]
                .as_str()
                .is_some_and(|t| t.contains("How to fix it") || t.len() > 40),
            "{r}"
        );
        assert!(
            r["help"]["text"]
                .as_str()
                .is_some_and(|t| t.starts_with(r["id"].as_str().unwrap()))
        );
    }
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 5);
    let first = &results[2];
    assert_eq!(first["ruleId"], "DT0006");
    assert_eq!(first["level"], "error");
    assert_eq!(
        rules[first["ruleIndex"].as_u64().unwrap() as usize]["id"],
        "DT0006"
    );
    let loc = &first["locations"][0]["physicalLocation"];
    assert_eq!(
        loc["artifactLocation"]["uri"],
        "tests/fixtures/diagnostics/three-mistakes.ron"
    );
    assert!(loc["region"]["startLine"].as_u64().unwrap() > 1);
    assert!(loc["region"]["endColumn"].as_u64() > loc["region"]["startColumn"].as_u64());
    assert_eq!(results[3]["level"], "warning");
    // The unreadable file has a location without a region.
    assert_eq!(
        results[4]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "file:///nonexistent/x.ron"
    );
    assert!(
        results[4]["locations"][0]["physicalLocation"]
            .get("region")
            .is_none()
    );

    // A clean file is a valid log with no results.
    let (code, out) = check(&["--format", "sarif", "scenarios/tutorial.ron"]);
    assert_eq!(code, 0);
    let log: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_valid(&validator, &log);
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 0);
}

#[test]
fn standard_input_is_checked_like_the_file() {
    for file in [
        format!("{DIR}/three-mistakes.ron"),
        format!("{DIR}/DT0018.ron"),
        "tests/fixtures/scenarios/night-shift.ron".to_string(),
    ] {
        let bytes = std::fs::read(&file).unwrap();
        for format in ["text", "json", "concise"] {
            let direct = check(&["--format", format, &file]);
            let piped = run(
                &["--format", format, "-", "--stdin-filename", &file],
                &[],
                Some(&bytes),
            );
            assert_eq!(piped, direct, "{file} as {format}");
        }
    }
    // Without a name: `<stdin>`, attachments beside the current folder.
    let bytes = std::fs::read("tests/fixtures/scenarios/night-shift.ron").unwrap();
    let (code, out) = run(&["--format", "concise", "-"], &[], Some(&bytes));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.lines()
            .all(|l| l.starts_with("<stdin>:") && l.contains("[DT0018]")),
        "{out}"
    );
    let (code, out) = run(&["-"], &[], Some(b""));
    assert_eq!(code, 1);
    assert!(out.contains("`<stdin>` is empty"), "{out}");
    let (code, out) = check(&["-", "-"]);
    assert_eq!(code, 2);
    assert!(out.contains("can be checked only once"), "{out}");
}

#[test]
fn colour_on_request_plain_otherwise_ascii_for_dumb_terminals() {
    let file = format!("{DIR}/DT1011.ron");
    let (_, plain) = check(&[&file]);
    assert!(!plain.contains('\x1b'), "not a terminal: no colour");
    let (_, forced) = run(&[&file], &[("CLICOLOR_FORCE", "1")], None);
    assert!(forced.contains("\x1b["), "{forced}");
    let stripped = strip_sgr(&forced);
    assert_eq!(stripped, plain, "colour changes nothing but colour");
    let (_, zero) = run(&[&file], &[("CLICOLOR_FORCE", "0")], None);
    assert_eq!(zero, plain);
    let (_, none) = run(
        &[&file],
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
        None,
    );
    assert_eq!(none, plain, "NO_COLOR wins");
    let (_, dumb) = run(&[&file], &[("TERM", "dumb")], None);
    assert!(dumb.is_ascii(), "{dumb}");
    insta::assert_snapshot!("dumb-DT1011", dumb);
    // Text from the file never carries its own escapes, even in colour.
    let hostile = std::fs::read_to_string(format!("{DIR}/DT0002.ron"))
        .unwrap()
        .replace("colour: \"red\"", "colour: \"\x1b]0;pwned\x07\x1b[31m\"");
    let (_, out) = run(
        &["-", "--stdin-filename", "hostile.ron"],
        &[("CLICOLOR_FORCE", "1")],
        Some(hostile.as_bytes()),
    );
    assert!(!out.contains("\x1b]") && !out.contains('\x07'), "{out:?}");
    assert!(!out.contains("\x1b[31m\""), "{out:?}");
    assert!(out.contains("␛]0;pwned"), "{out}");
}

/// The text without its SGR sequences.
fn strip_sgr(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("\x1b[") {
        out.push_str(&rest[..i]);
        let end = rest[i + 2..].find('m').map_or(rest.len(), |n| i + 3 + n);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}
