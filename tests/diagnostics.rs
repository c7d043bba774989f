//! Every diagnostic code has a fixture whose rendered message is snapshot-tested
//! (no colour, fixed width), and bad input of every kind gets a clear message and exit code.

use std::path::Path;
use std::process::Command;

use downtime::scenario::diagnostics::{Code, Severity};
use downtime::scenario::load_file;

const DIR: &str = "tests/fixtures/diagnostics";

fn render(path: &str) -> (Vec<Code>, String) {
    let loaded = load_file(Path::new(path));
    let codes = loaded.report.diagnostics.iter().map(|d| d.code).collect();
    (codes, loaded.report.render_text(100))
}

/// The codes of translation files, each with the language of its fixture
/// `tests/fixtures/translation/s.LANG.ron`.
const TRANSLATED: &[(Code, &str)] = &[
    (Code::UnknownKey, "de"),
    (Code::WrongScenario, "es"),
    (Code::BadLanguageTag, "it"),
    (Code::TranslatedAttachment, "nl"),
    (Code::MissingTexts, "zh"),
    (Code::DroppedNumber, "pt"),
];

#[test]
fn the_clean_fixture_is_clean() {
    let (codes, text) = render(&format!("{DIR}/clean.ron"));
    assert!(codes.is_empty(), "{text}");
}

#[test]
fn every_code_has_a_fixture_that_reports_exactly_it() {
    for &code in Code::ALL {
        if code == Code::Io {
            continue; // cannot be a file's content: see `unreadable_paths_exit_with_2`.
        }
        if code == Code::SheetRow {
            continue; // a spreadsheet's row, not a scenario's: see tests/msel.rs.
        }
        if let Some((_, lang)) = TRANSLATED.iter().find(|(c, _)| *c == code) {
            // A translation's code: its fixture is a translation of tests/fixtures/translation/s.ron.
            let path = format!("tests/fixtures/translation/s.{lang}.ron");
            let (report, _) = downtime::cli::check::check_translation(
                Path::new("tests/fixtures/translation/s.ron"),
                Path::new(&path),
            );
            let codes: Vec<Code> = report.diagnostics.iter().map(|d| d.code).collect();
            let text = report.render_text(100);
            assert_eq!(
                codes,
                vec![code],
                "{path} should report only {code}:\n{text}"
            );
            insta::assert_snapshot!(code.as_str(), text);
            continue;
        }
        let path = format!("{DIR}/{}.ron", code.as_str());
        assert!(
            Path::new(&path).exists(),
            "no fixture for {code}: add {path}"
        );
        let (codes, text) = render(&path);
        assert_eq!(
            codes,
            vec![code],
            "{path} should report only {code}:\n{text}"
        );
        insta::assert_snapshot!(code.as_str(), text);
    }
}

#[test]
fn three_mistakes_are_all_reported_with_place_snippet_and_hint() {
    let (codes, text) = render(&format!("{DIR}/three-mistakes.ron"));
    assert_eq!(
        codes,
        vec![
            Code::UnknownField,
            Code::DuplicateId,
            Code::UnknownReference
        ]
    );
    assert!(text.contains("did you mean `safety`?"));
    assert!(text.contains("another inject already uses `alert`"));
    assert!(text.contains("unknown field `colour`"));
    insta::assert_snapshot!("three-mistakes", text);
}

fn check(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_downtime"))
        .arg("check")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn check_exit_codes_and_json() {
    let (code, out, _) = check(&["scenarios/tutorial.ron"]);
    assert_eq!(code, 0, "{out}");
    // The scenario and its Chinese translation beside it.
    assert!(out.contains("2 clean, 0 errors, 0 warnings"), "{out}");
    let (code, _, _) = check(&[&format!("{DIR}/DT0006.ron")]);
    assert_eq!(code, 1);
    let (code, _, _) = check(&[&format!("{DIR}/DT1003.ron")]);
    assert_eq!(code, 0, "warnings alone pass");
    let (code, _, _) = check(&["--deny-warnings", &format!("{DIR}/DT1003.ron")]);
    assert_eq!(code, 1);
    let (code, out, _) = check(&["--format", "json", &format!("{DIR}/three-mistakes.ron")]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let list = v.as_array().unwrap();
    assert_eq!(list.len(), 3);
    assert_eq!(list[2]["code"], "DT0006");
    assert_eq!(list[2]["severity"], "error");
    assert_eq!(list[2]["help"], "did you mean `safety`?");
    assert!(list[2]["line"].as_u64().unwrap() > 1 && list[2]["column"].as_u64().unwrap() > 1);
}

#[test]
fn unreadable_paths_exit_with_2() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, _) = check(&["/nonexistent/x.ron"]);
    assert_eq!(code, 2);
    assert!(out.contains("no such file"), "{out}");
    let (code, out, _) = check(&[dir.path().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(out.contains("holds no `.ron` scenario files"), "{out}");
    // A device and a FIFO are refused without being opened (a FIFO would block forever).
    let (code, out, _) = check(&["/dev/zero"]);
    assert_eq!(code, 2);
    assert!(out.contains("not a regular file"), "{out}");
    #[cfg(unix)]
    {
        let fifo = dir.path().join("pipe.ron");
        let made = Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        if made {
            let (code, out, _) = check(&[fifo.to_str().unwrap()]);
            assert_eq!(code, 2);
            assert!(out.contains("not a regular file"), "{out}");
        }
    }
}

fn temp_file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    let s = p.to_str().unwrap().to_string();
    (dir, s)
}

fn only(path: &str) -> (Code, String) {
    let loaded = load_file(Path::new(path));
    assert!(loaded.scenario.is_none());
    let d = &loaded.report.diagnostics;
    assert_eq!(d.len(), 1, "{}", loaded.report.render_text(100));
    assert_eq!(d[0].severity(), Severity::Error);
    (d[0].code, d[0].message.clone())
}

#[test]
fn oversized_input_is_refused_with_the_cap_in_the_message() {
    // A single 20 MB line.
    let (_d, p) = temp_file("big.ron", &vec![b'a'; 20 * 1024 * 1024]);
    let (code, msg) = only(&p);
    assert_eq!(code, Code::TooLarge);
    assert!(msg.contains("16 MiB"), "{msg}");
}

#[test]
fn millions_of_numbers_and_deep_nesting_hit_limits() {
    let mut list = b"Scenario(format: [".to_vec();
    list.extend(std::iter::repeat_n(b"1,".as_slice(), 5_000_000).flatten());
    list.extend_from_slice(b"])");
    let (_d, p) = temp_file("numbers.ron", &list);
    let (code, msg) = only(&p);
    assert_eq!(code, Code::TooLarge);
    assert!(msg.contains("100000"), "{msg}");

    let deep = format!(
        "Scenario(format: {}1{})",
        "[".repeat(200_000),
        "]".repeat(200_000)
    );
    let (_d, p) = temp_file("deep.ron", deep.as_bytes());
    let (code, msg) = only(&p);
    assert_eq!(code, Code::TooLarge);
    assert!(msg.contains("64"), "{msg}");
}

#[test]
fn truncated_and_empty_files_are_explained() {
    let text = std::fs::read_to_string(format!("{DIR}/clean.ron")).unwrap();
    // A lone identifier is valid RON, just not a scenario.
    let (_d, p) = temp_file("cut.ron", b"S");
    let (code, msg) = only(&p);
    assert_eq!(code, Code::WrongType);
    assert!(msg.contains("`Scenario(...)`"), "{msg}");
    for cut in [10, text.len() / 2, text.len() - 3] {
        let (_d, p) = temp_file("cut.ron", &text.as_bytes()[..cut]);
        let (code, msg) = only(&p);
        assert_eq!(code, Code::Syntax, "cut at {cut}: {msg}");
    }
    let (_d, p) = temp_file("blank.ron", b"  \n\t\n");
    assert_eq!(only(&p).0, Code::EmptyFile);
}

#[test]
fn a_byte_order_mark_and_crlf_line_endings_are_accepted() {
    let text = std::fs::read_to_string(format!("{DIR}/clean.ron")).unwrap();
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
    let (_d, p) = temp_file("bom.ron", &bytes);
    let loaded = load_file(Path::new(&p));
    assert!(
        loaded.scenario.is_some(),
        "{}",
        loaded.report.render_text(100)
    );
    // Positions still count lines and columns correctly with CRLF.
    let broken = text
        .replace("safety > 50", "safty > 50")
        .replace('\n', "\r\n");
    let (_d, p) = temp_file("crlf.ron", broken.as_bytes());
    let loaded = load_file(Path::new(&p));
    let rendered = loaded.report.render_text(100);
    let line = text
        .lines()
        .position(|l| l.contains("safety > 50"))
        .unwrap()
        + 1;
    let col = text
        .lines()
        .nth(line - 1)
        .unwrap()
        .find("safety > 50")
        .unwrap()
        + 1;
    assert!(
        rendered.contains(&format!("crlf.ron:{line}:{col}")),
        "{rendered}"
    );
    assert!(!rendered.contains('\r'));
}

#[test]
fn warnings_wait_until_the_errors_are_fixed() {
    // The DT1004 fixture warns about a flag set but never read; an unknown field elsewhere is
    // an error, and the warning waits until it is fixed.
    let warns = std::fs::read_to_string(format!("{DIR}/DT1004.ron")).unwrap();
    let (_d1, path) = temp_file("warns.ron", warns.as_bytes());
    let codes: Vec<Code> = load_file(Path::new(&path))
        .report
        .diagnostics
        .iter()
        .map(|d| d.code)
        .collect();
    assert_eq!(codes, [Code::FlagNeverRead]);
    let broken = warns.replacen(
        r#"name: "Crisis cell""#,
        r#"name: "Crisis cell", colour: "red""#,
        1,
    );
    assert_ne!(broken, warns);
    let (_d2, path) = temp_file("broken.ron", broken.as_bytes());
    let codes: Vec<Code> = load_file(Path::new(&path))
        .report
        .diagnostics
        .iter()
        .map(|d| d.code)
        .collect();
    assert_eq!(codes, [Code::UnknownField]);
}

/// A `Choice` parameter's `labels` give the words people read; a key that is not one of the
/// choices is an unknown reference (with "did you mean"), labels on another kind the wrong
/// type; a choice without a label is shown as written.
#[test]
fn choice_labels_are_checked_against_the_choices() {
    let with = |param: &str| {
        let text = std::fs::read_to_string(format!("{DIR}/clean.ron"))
            .unwrap()
            .replacen("parameters: [", &format!("parameters: [{param}, "), 1);
        assert!(text.contains(param), "clean.ron has a `parameters: [` list");
        downtime::scenario::load_str(
            "labels.ron",
            &text,
            "sha256:x".into(),
            &downtime::scenario::files::NoFiles,
        )
    };
    let ok = with(
        r#"(id: "season", label: "Season", kind: Choice(["winter_peak", "normal"]), labels: {"winter_peak": "Winter peak"}, default: "winter_peak")"#,
    );
    let sc = ok.scenario.expect("labels load");
    let p = sc.params.iter().find(|p| p.id == "season").unwrap();
    assert_eq!(p.display(&p.default), "Winter peak");
    assert_eq!(p.format(&p.default), "winter_peak");
    assert_eq!(p.labels, ["Winter peak", "normal"]);

    let bad = with(
        r#"(id: "season", label: "Season", kind: Choice(["winter_peak", "normal"]), labels: {"winter_peek": "Winter peak"}, default: "normal")"#,
    );
    let codes: Vec<Code> = bad.report.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, [Code::UnknownReference]);
    let text = bad.report.render_text(100);
    assert!(text.contains("did you mean \"winter_peak\"?"), "{text}");

    let not_choice = with(
        r#"(id: "flagged", label: "Flagged?", kind: Bool, labels: {"true": "Yes"}, default: true)"#,
    );
    let codes: Vec<Code> = not_choice
        .report
        .diagnostics
        .iter()
        .map(|d| d.code)
        .collect();
    assert_eq!(codes, [Code::WrongType]);
}

/// `clean.ron` with each `(from, to)` replaced (each must be found), loaded; its codes and
/// rendered text.
fn clean_with(edits: &[(&str, &str)]) -> (Vec<Code>, String) {
    let mut text = std::fs::read_to_string(format!("{DIR}/clean.ron")).unwrap();
    for (from, to) in edits {
        assert!(text.contains(from), "clean.ron has no `{from}`");
        text = text.replacen(from, to, 1);
    }
    let loaded = downtime::scenario::load_str(
        "edited.ron",
        &text,
        "sha256:x".into(),
        &downtime::scenario::files::NoFiles,
    );
    let codes = loaded.report.diagnostics.iter().map(|d| d.code).collect();
    (codes, loaded.report.render_text(100))
}

const FOLLOW: &str =
    r#"(id: "follow", title: "Follow-up", after: "alert", delay: "30m", chance: 0.5),"#;

#[test]
fn an_inject_timed_with_chance_zero_is_said_to_have_chance_zero() {
    let (codes, text) = clean_with(&[(
        FOLLOW,
        r#"(id: "follow", title: "Follow-up", at: "1h", chance: 0.0),"#,
    )]);
    assert_eq!(codes, [Code::NeverFires]);
    assert!(text.contains("its `chance` is 0"), "{text}");
    assert!(!text.contains("what it follows"), "{text}");
    insta::assert_snapshot!("hint-chance-zero", text);
}

#[test]
fn a_flag_given_or_compared_with_a_number_is_told_true_or_false() {
    let (codes, text) = clean_with(&[(r#""net_cut = true""#, r#""net_cut = 1""#)]);
    assert_eq!(codes, [Code::ExprType]);
    assert!(text.contains("write `true` or `false`"), "{text}");
    assert!(!text.contains("compare it"), "{text}");
    insta::assert_snapshot!("hint-flag-set-to-number", text);
    let (codes, text) = clean_with(&[("net_cut && safety > 50", "net_cut == 1 && safety > 50")]);
    assert_eq!(codes, [Code::ExprType]);
    assert!(
        text.contains("write `net_cut` or `!net_cut` (or `net_cut == true`)"),
        "{text}"
    );
    insta::assert_snapshot!("hint-flag-compared-with-number", text);
    // A number where a condition is wanted is still told to compare it.
    let (_, text) = clean_with(&[("net_cut && safety > 50", "safety")]);
    assert!(text.contains("compare it"), "{text}");
}

#[test]
fn every_id_argument_gets_a_suggestion() {
    let effects = r#"["ehr = down", "start(notice)"]"#;
    let when = "net_cut && safety > 50";
    let cases = [
        (
            effects,
            r#"["ehr = down", "start(notce)"]"#,
            "did you mean `notice`?",
        ),
        (
            effects,
            r#"["ehr = down", "start(notice)", "meet(notce)"]"#,
            "did you mean `notice`?",
        ),
        (
            effects,
            r#"["ehr = down", "start(notice)", "cancel(folow)"]"#,
            "did you mean `follow`?",
        ),
        (
            effects,
            r#"["ehr = down", "start(notice)", "cancel(I56)"]"#,
            "known injects: alert, follow",
        ),
        (
            effects,
            r#"["ehr = down", "start(notice)", "cancel(\"follow\")"]"#,
            "write the id without quotes: `follow`",
        ),
        (
            effects,
            r#"["ehr = down", "start(notice)", "schedule(folow, 1h)"]"#,
            "did you mean `follow`?",
        ),
        (
            effects,
            r#"["ehr = down", "start(notice)", "end(contaned)"]"#,
            "did you mean `contained`?",
        ),
        (when, "fired(folow)", "did you mean `follow`?"),
        (when, "since(folow) > 1h", "did you mean `follow`?"),
        (when, "pending(alrt)", "did you mean `alert`?"),
        (when, "chosen(alrt, wait)", "did you mean `alert`?"),
        (when, "chosen(alert, wiat)", "did you mean `wait`?"),
        (
            when,
            "chosen(alert, hold)",
            "known options of this decision: isolate, wait",
        ),
    ];
    let mut all = String::new();
    for (from, to, hint) in cases {
        let (codes, text) = clean_with(&[(from, to)]);
        assert_eq!(codes.len(), 1, "{text}");
        assert!(text.contains(hint), "no `{hint}` in:\n{text}");
        all.push_str(&text);
    }
    insta::assert_snapshot!("hint-id-arguments", all);
}

#[test]
fn a_delay_beside_at_is_a_warning_unless_the_inject_is_also_a_follow_up() {
    let timed = r#"(id: "follow", title: "Follow-up", at: "2h", delay: "30m"),"#;
    let (codes, text) = clean_with(&[(FOLLOW, timed)]);
    assert_eq!(codes, [Code::DelayWithAt], "{text}");
    assert!(text.contains(r#"write `at: "2h30m"`"#), "{text}");
    // As a follow-up of an option too, the delay counts from the choice: no warning.
    let (codes, text) = clean_with(&[
        (FOLLOW, timed),
        (
            r#"(id: "wait", label: "Wait","#,
            r#"(id: "wait", label: "Wait", follow_up: ["follow"],"#,
        ),
    ]);
    assert!(codes.is_empty(), "{text}");
}

#[test]
fn one_mistake_is_reported_once() {
    // An inject's id is also its decision's: a bad one is one mistake, and the references
    // to it are not unknown.
    let (codes, text) = clean_with(&[
        (r#"id: "alert","#, r#"id: "bad id","#),
        (r#"after: "alert""#, r#"after: "bad id""#),
    ]);
    assert_eq!(codes, [Code::InvalidId], "{text}");
    assert!(text.contains("not a valid inject id"), "{text}");
    insta::assert_snapshot!("one-mistake-once", text);
    let (codes, text) = clean_with(&[
        (r#"id: "alert","#, r#"id: "true","#),
        (r#"after: "alert""#, r#"after: "true""#),
    ]);
    assert_eq!(codes, [Code::InvalidId], "{text}");
}
