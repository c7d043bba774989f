//! After-action reports: golden files of each format from journals recorded by scripted
//! runs, escaping of hostile text, unfinished exercises, comparisons of several groups,
//! and the command line.
//!
//! Journals are recorded here with `Session::apply_at` at fixed real times and a fixed
//! `started_at`; copies are kept in `tests/fixtures/journals/` (for people and
//! `scripts/render-report.sh`). Golden outputs live in `tests/golden/` and are compared
//! byte for byte. To accept changes, run `UPDATE_GOLDEN=1 cargo test --test report_formats`
//! and read the diff before committing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use downtime::engine::{Command, ParamSetting, SessionInfo};
use downtime::journal::Session;
use downtime::report::Format as ReportFormat;
use downtime::report::model::{CheckOutcome, DecisionStatus, Progress, TimelineKind};
use downtime::report::{self, Document};

/// Wall-clock start of every recorded session.
const STARTED_AT: &str = "2026-03-12T13:30:00Z";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn updating() -> bool {
    std::env::var_os("UPDATE_GOLDEN").is_some()
}

/// A scripted session: commands at fixed real times.
struct Script {
    name: &'static str,
    /// Scenario source as recorded in the journal (relative to the crate root, or bundled).
    source: &'static str,
    seed: u64,
    commands: Vec<(u64, Command)>,
}

fn choose(d: &str, o: &str) -> Command {
    Command::Choose {
        decision: d.into(),
        option: o.into(),
        team: None,
    }
}

fn note(text: &str) -> Command {
    Command::Note { text: text.into() }
}

fn start(params: &[(&str, ParamSetting)], org: &str, members: &[(&str, &str)]) -> Command {
    Command::Start {
        params: params
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
        session: SessionInfo {
            organisation: org.into(),
            facilitator: "Dr. Claire Martin".into(),
            members: members
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<BTreeMap<_, _>>(),
        },
    }
}

const NIGHT_SHIFT: &str = "tests/fixtures/scenarios/night-shift.ron";

/// Group A: isolates at once, paper forms, reports on the agency's call, restores.
fn alpha() -> Script {
    Script {
        name: "night-shift-a",
        source: NIGHT_SHIFT,
        seed: 11,
        commands: vec![
            (
                0,
                start(&[], "Group A", &[("oncall", "Alex Dupont (night manager)")]),
            ),
            (
                40_000,
                note("The team asked the technician what the screens showed before deciding."),
            ),
            (95_000, choose("contain", "isolate")),
            (150_000, Command::NextInject),
            (230_000, Command::NextInject),
            (310_000, choose("lab_mode", "paper")),
            (330_000, Command::Pause),
            (450_000, Command::Resume),
            (480_000, Command::NextInject),
            (545_000, choose("notify", "report")),
            (600_000, Command::NextPhase),
            (
                640_000,
                note("Break: the team listed who must be called at the 07:00 handover."),
            ),
            (660_000, Command::NextPhase),
            (800_000, choose("recover", "restore")),
        ],
    }
}

/// Group B: waits, sends samples out then changes its mind, promises a report later,
/// rebuilds; the facilitator adjusts trust and fires a curveball.
fn bravo() -> Script {
    Script {
        name: "night-shift-b",
        source: NIGHT_SHIFT,
        seed: 2,
        commands: vec![
            (
                0,
                start(
                    &[("backups_tested", ParamSetting::Bool(false))],
                    "Group B",
                    &[("oncall", "Sam Leroy")],
                ),
            ),
            (70_000, choose("contain", "wait")),
            (
                90_000,
                note("The team wanted IT's opinion before cutting the network."),
            ),
            (130_000, Command::NextInject),
            (200_000, Command::NextInject),
            (260_000, choose("lab_mode", "send_out")),
            (
                300_000,
                Command::AdjustMetric {
                    metric: "trust".into(),
                    delta: -5.0,
                    reason: "Staff reacted badly to the courier plan".into(),
                },
            ),
            (330_000, Command::Undo),
            (360_000, choose("lab_mode", "paper")),
            (
                380_000,
                Command::Curveball {
                    inject: "rumour".into(),
                },
            ),
            (420_000, Command::NextInject),
            (470_000, choose("notify", "later")),
            (520_000, Command::NextPhase),
            (560_000, Command::NextPhase),
            (700_000, choose("recover", "rebuild")),
            (760_000, Command::NextInject),
        ],
    }
}

/// Group C: stops in the first phase with a decision open.
fn unfinished() -> Script {
    Script {
        name: "night-shift-unfinished",
        source: NIGHT_SHIFT,
        seed: 5,
        commands: vec![
            (0, start(&[], "", &[])),
            (60_000, choose("contain", "isolate")),
            (120_000, Command::NextInject),
            (
                150_000,
                note("Paused here for lunch; to be resumed at 14:00."),
            ),
            (200_000, Command::NextInject),
        ],
    }
}

const SCRIPT_TAG: &str = "<script>alert(1)</script>";

/// A session on the hostile scenario, with hostile text in every journal string.
fn hostile() -> Script {
    Script {
        name: "hostile-text",
        source: "tests/fixtures/scenarios/hostile-text.ron",
        seed: 1,
        commands: vec![
            (
                0,
                Command::Start {
                    params: BTreeMap::new(),
                    session: SessionInfo {
                        organisation: format!("Org {SCRIPT_TAG} & \"Co\""),
                        facilitator: "<b>F</b>".into(),
                        members: [("red".to_string(), SCRIPT_TAG.to_string())]
                            .into_iter()
                            .collect(),
                    },
                },
            ),
            (
                1_000,
                note(&format!(
                    "Note {SCRIPT_TAG} & \"n\" \x1b[31mred\x1b[0m\n# heading | pipe"
                )),
            ),
            (2_000, choose("pick", "a")),
            (
                3_000,
                Command::SetMetric {
                    metric: "m".into(),
                    value: 5.0,
                    reason: SCRIPT_TAG.into(),
                },
            ),
            (
                4_000,
                Command::EndNow {
                    reason: format!("{SCRIPT_TAG} \x07"),
                },
            ),
        ],
    }
}

/// Records a script as a journal in `dir`.
fn record(script: &Script, dir: &Path) -> PathBuf {
    let path = dir.join(format!("{}.jsonl", script.name));
    let scenario = load(script.source);
    let mut session = Session::create(
        scenario,
        script.source,
        script.seed,
        &path,
        STARTED_AT.into(),
    )
    .expect("journal created");
    for (k, (t, cmd)) in script.commands.iter().enumerate() {
        session
            .apply_at(cmd.clone(), *t)
            .unwrap_or_else(|e| panic!("{}: command {} ({cmd:?}): {e}", script.name, k + 1));
    }
    path
}

fn load(source: &str) -> Arc<downtime::scenario::Scenario> {
    let loaded = match source.strip_prefix("bundled:") {
        Some(name) => downtime::bundled::find(name).expect("bundled").load(),
        None => downtime::scenario::load::load_file(&root().join(source)),
    };
    loaded
        .scenario
        .unwrap_or_else(|| panic!("{source}: {}", loaded.report.render_text(100)))
}

fn build(paths: &[PathBuf]) -> Document {
    report::build(paths, None)
        .unwrap_or_else(|f| panic!("report failed: {}", f.message))
        .document
}

/// Compares with a golden file, or rewrites it under UPDATE_GOLDEN.
fn golden(name: &str, actual: &str) {
    let path = root().join("tests/golden").join(name);
    if updating() {
        report::write_atomic(&path, actual.as_bytes()).expect("golden written");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "missing golden file {}; create it with UPDATE_GOLDEN=1",
            path.display()
        )
    });
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from its golden file at line {}:\n  golden: {:?}\n  actual: {:?}\n\
             (accept with UPDATE_GOLDEN=1 after reading the diff)",
            line + 1,
            expected.lines().nth(line).unwrap_or("<end>"),
            actual.lines().nth(line).unwrap_or("<end>")
        );
    }
}

/// Checks that the HTML's main elements are closed as often as they are opened.
fn assert_balanced(html: &str) {
    for tag in [
        "html",
        "body",
        "article",
        "section",
        "header",
        "nav",
        "table",
        "thead",
        "tbody",
        "tr",
        "td",
        "th",
        "ul",
        "ol",
        "li",
        "p",
        "div",
        "figure",
        "figcaption",
        "svg",
        "g",
        "text",
        "title",
        "desc",
        "pattern",
        "defs",
        "strong",
        "span",
        "code",
        "a",
    ] {
        let open =
            html.matches(&format!("<{tag}>")).count() + html.matches(&format!("<{tag} ")).count();
        let close = html.matches(&format!("</{tag}>")).count();
        assert_eq!(
            open, close,
            "<{tag}> opened {open} times, closed {close} times"
        );
    }
}

fn formats() -> [(ReportFormat, &'static str); 3] {
    [
        (ReportFormat::Md, "md"),
        (ReportFormat::Json, "json"),
        (ReportFormat::Html, "html"),
    ]
}

#[test]
fn committed_fixture_journals_are_what_the_scripts_record() {
    let dir = tempfile::tempdir().unwrap();
    for script in [alpha(), bravo(), unfinished(), hostile()] {
        let fresh = std::fs::read(record(&script, dir.path())).unwrap();
        let kept = root()
            .join("tests/fixtures/journals")
            .join(format!("{}.jsonl", script.name));
        if updating() {
            report::write_atomic(&kept, &fresh).unwrap();
            continue;
        }
        assert_eq!(
            std::fs::read(&kept).unwrap_or_default(),
            fresh,
            "{} is stale; rewrite it with UPDATE_GOLDEN=1",
            kept.display()
        );
    }
}

#[test]
fn a_single_exercise_matches_its_golden_files_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let a = record(&alpha(), dir.path());
    let doc = build(&[a]);
    let r = &doc.reports[0];
    // The script's story, as the report must tell it.
    assert_eq!(r.status, Progress::Ended);
    assert_eq!(r.label, "Group A");
    assert_eq!(r.overview.real_duration_ms, 800_000);
    assert_eq!(r.overview.paused_ms, 120_000);
    assert_eq!(r.overview.facilitator_notes.len(), 2);
    assert!(r.checks.iter().all(|c| c.status == CheckOutcome::Met));
    assert!(
        r.objectives
            .iter()
            .all(|o| o.suggested == "P" && o.rating == "pending")
    );
    let contain = &r.decisions[0];
    assert_eq!(contain.id, "contain");
    assert_eq!(contain.took_real_ms, Some(95_000));
    assert_eq!(
        contain.chosen.as_ref().and_then(|m| m.real.as_deref()),
        Some("2026-03-12T13:31:35Z")
    );
    let note = r
        .timeline
        .iter()
        .find(|t| t.kind == TimelineKind::Note)
        .unwrap();
    assert_eq!(note.when.real.as_deref(), Some("2026-03-12T13:30:40Z"));
    assert!(r.improvement_plan.is_empty());
    assert_balanced(&report::render(&doc, ReportFormat::Html));
    for (format, ext) in formats() {
        golden(
            &format!("night-shift-a.{ext}"),
            &report::render(&doc, format),
        );
    }
}

#[test]
fn the_same_journal_always_gives_the_same_bytes() {
    let one = tempfile::tempdir().unwrap();
    let two = tempfile::tempdir().unwrap();
    let a1 = record(&bravo(), one.path());
    let a2 = record(&bravo(), two.path());
    for (format, _) in formats() {
        let first = report::render(&build(std::slice::from_ref(&a1)), format);
        let again = report::render(&build(std::slice::from_ref(&a1)), format);
        let elsewhere = report::render(&build(std::slice::from_ref(&a2)), format);
        assert_eq!(first, again, "{format:?} differs between two runs");
        assert_eq!(
            first, elsewhere,
            "{format:?} depends on the journal's folder"
        );
    }
}

#[test]
fn an_unfinished_exercise_is_reported_as_in_progress() {
    let dir = tempfile::tempdir().unwrap();
    let c = record(&unfinished(), dir.path());
    let doc = build(&[c]);
    let r = &doc.reports[0];
    assert_eq!(r.status, Progress::InProgress);
    assert!(r.results.ending.is_none());
    assert!(!r.results.score.final_);
    assert_eq!(r.overview.scenario_to.offset, "T+00:30");
    let lab = r.decisions.iter().find(|d| d.id == "lab_mode").unwrap();
    assert_eq!(lab.status, DecisionStatus::Open);
    assert!(r.checks.iter().any(|c| c.status == CheckOutcome::Open));
    let md = report::render(&doc, ReportFormat::Md);
    assert!(md.contains("**Exercise in progress.** The journal stops at T+00:30"));
    assert!(md.contains("**Ending:** not reached yet"));
    assert!(md.contains("**Score (provisional):**"));
    let html = report::render(&doc, ReportFormat::Html);
    assert_balanced(&html);
    assert!(html.contains("<strong>Exercise in progress.</strong>"));
    assert!(html.contains("Not reached yet"));
    let json: serde_json::Value =
        serde_json::from_str(&report::render(&doc, ReportFormat::Json)).unwrap();
    assert_eq!(json["reports"][0]["status"], "in_progress");
    assert!(json["reports"][0]["results"]["ending"].is_null());
    golden("night-shift-unfinished.md", &md);
}

#[test]
fn a_comparison_matches_its_golden_files_and_shows_where_groups_parted() {
    let dir = tempfile::tempdir().unwrap();
    let a = record(&alpha(), dir.path());
    let b = record(&bravo(), dir.path());
    let doc = build(&[a, b]);
    let c = doc.comparison.as_ref().expect("a comparison");
    assert_eq!(c.leaderboard[0].group, "Group A");
    assert_eq!(c.leaderboard[1].rank, 2);
    let first = &c.divergences[0];
    assert_eq!(first.decision, "contain");
    assert!(first.parting);
    let labels: Vec<&str> = first.branches.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(
        labels,
        ["Isolate the network now", "Wait for IT to look at it"]
    );
    let wait = &first.branches[1].groups[0];
    assert!(
        wait.only_here.iter().any(|t| t == "E-mail is down too"),
        "{:?}",
        wait.only_here
    );
    // Group B changed its mind on the lab: both groups end up on paper forms.
    assert!(c.agreements.iter().any(|x| x.decision == "lab_mode"));
    let b_lab = doc.reports[1]
        .decisions
        .iter()
        .find(|d| d.id == "lab_mode")
        .unwrap();
    assert_eq!(b_lab.undone, ["Drive urgent samples to the partner lab"]);
    assert!(
        doc.reports[1]
            .timeline
            .iter()
            .any(|t| t.kind == TimelineKind::Override && t.undone)
    );
    assert_balanced(&report::render(&doc, ReportFormat::Html));
    for (format, ext) in formats() {
        golden(
            &format!("night-shift-compare.{ext}"),
            &report::render(&doc, format),
        );
    }
}

#[test]
fn the_comparison_works_on_the_bundled_tutorial() {
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for (name, option) in [("isolating", "isolate"), ("waiting", "wait")] {
        let script = Script {
            name: if name == "isolating" {
                "tutorial-isolating"
            } else {
                "tutorial-waiting"
            },
            source: "bundled:tutorial.ron",
            seed: 3,
            commands: vec![
                (0, start(&[], name, &[])),
                (30_000, choose("contain", option)),
                (60_000, Command::NextInject),
                (90_000, Command::NextInject),
                (120_000, choose("lab_mode", "paper")),
                (150_000, Command::NextInject),
            ],
        };
        paths.push(record(&script, dir.path()));
    }
    let doc = build(&paths);
    let c = doc.comparison.unwrap();
    let d = c.divergences.iter().find(|d| d.parting).unwrap();
    assert_eq!(d.decision, "contain");
    let after: Vec<f64> = d
        .branches
        .iter()
        .map(|b| b.groups[0].score_after.unwrap())
        .collect();
    assert_eq!(after.len(), 2);
    // Waiting costs patient safety at once: the branches differ right after the choice.
    let safety = |k: usize| {
        d.branches[k].groups[0]
            .metrics_after
            .iter()
            .find(|m| m.metric == "patient_safety")
            .unwrap()
            .value
    };
    assert!(safety(1) < safety(0));
    assert_eq!(d.branches[1].groups[0].group, "waiting");
}

#[test]
fn hostile_text_is_shown_literally_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let p = record(&hostile(), dir.path());
    let doc = build(&[p]);
    let html = report::render(&doc, ReportFormat::Html);
    assert_balanced(&html);
    assert!(
        !html.to_ascii_lowercase().contains("<script"),
        "a raw script tag reached the HTML"
    );
    for raw in ["<b>", "<img", "<i>", "<u>", "href=\"javascript"] {
        assert!(!html.contains(raw), "raw {raw} reached the HTML");
    }
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains(
        "Body &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; &#39;single&#39;"
    ));
    assert!(html.contains("Option &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;A&quot;"));
    assert!(html.contains("Org &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    // No external resources: no links to load, no scripts, no remote URLs in attributes.
    for bad in ["src=\"http", "href=\"http", "<link", "@import", "url(http"] {
        assert!(!html.contains(bad), "{bad} in the HTML");
    }
    for (format, _) in formats() {
        let text = report::render(&doc, format);
        assert!(
            !text.chars().any(|c| c == '\x1b' || c == '\x07'),
            "{format:?} carries control characters"
        );
    }
    let md = report::render(&doc, ReportFormat::Md);
    assert!(md.contains("\\<script\\>alert(1)\\</script\\>"));
    assert!(!md.contains(" <script>"));
    assert!(md.contains("Note \\<script\\>alert(1)\\</script\\> & \"n\" ␛\\[31mred␛\\[0m"));
    let json: serde_json::Value =
        serde_json::from_str(&report::render(&doc, ReportFormat::Json)).unwrap();
    let r = &json["reports"][0];
    assert_eq!(
        r["overview"]["organisation"],
        format!("Org {SCRIPT_TAG} & \"Co\"")
    );
    assert_eq!(
        r["decisions"][0]["option"]["label"],
        format!("Option {SCRIPT_TAG} & \"A\"")
    );
    assert_eq!(r["results"]["ending"]["reason"], format!("{SCRIPT_TAG} ␇"));
}

#[test]
fn journals_of_different_scenarios_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let a = record(&alpha(), dir.path());
    let h = record(&hostile(), dir.path());
    let err = report::build(&[a, h], None).unwrap_err();
    assert_eq!(err.code, 1);
    assert!(
        err.message
            .contains("cannot compare journals of different scenarios")
    );
    assert!(
        err.message
            .contains("night-shift-a.jsonl played `night-shift`")
    );
    assert!(
        err.message
            .contains("hostile-text.jsonl played `hostile-text`")
    );
}

#[test]
fn write_beside_puts_the_html_report_next_to_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let a = record(&alpha(), dir.path());
    let out = report::write_beside(&a).expect("report written");
    assert_eq!(out, dir.path().join("night-shift-a.html"));
    let written = std::fs::read_to_string(&out).unwrap();
    // The console's export leaves the letter grade out, as `downtime report` does.
    let mut doc = build(std::slice::from_ref(&a));
    report::without_grades(&mut doc);
    assert_eq!(written, report::render(&doc, ReportFormat::Html));
    // Written again over the first: still one report and the journal, nothing else.
    report::write_beside(&a).unwrap();
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    let err = report::write_beside(&dir.path().join("missing.jsonl")).unwrap_err();
    assert!(err.contains("missing.jsonl"), "{err}");
}

#[test]
fn a_lost_scenario_can_be_given_with_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let a = record(&alpha(), dir.path());
    let text = std::fs::read_to_string(&a).unwrap();
    let moved = dir.path().join("moved.jsonl");
    std::fs::write(
        &moved,
        text.replace(NIGHT_SHIFT, "/nowhere/night-shift.ron"),
    )
    .unwrap();
    let err = report::build(std::slice::from_ref(&moved), None).unwrap_err();
    assert!(err.message.contains("--scenario"), "{}", err.message);
    let scenario = root().join(NIGHT_SHIFT);
    let doc = report::build(std::slice::from_ref(&moved), Some(&scenario))
        .unwrap()
        .document;
    assert!(doc.reports[0].warnings.is_empty());
    // A scenario edited since: the report says so.
    let edited = dir.path().join("edited.ron");
    let source = std::fs::read_to_string(&scenario).unwrap();
    std::fs::write(
        &edited,
        source.replace("version: \"1.0\"", "version: \"1.1\""),
    )
    .unwrap();
    std::fs::create_dir_all(dir.path().join("attachments")).unwrap();
    std::fs::copy(
        root().join("tests/fixtures/scenarios/attachments/tutorial-ransom-note.txt"),
        dir.path().join("attachments/tutorial-ransom-note.txt"),
    )
    .unwrap();
    let built = report::build(std::slice::from_ref(&moved), Some(&edited)).unwrap();
    assert!(
        built.warnings[0].contains("has changed since the journal was recorded"),
        "{:?}",
        built.warnings
    );
    let md = report::render(&built.document, ReportFormat::Md);
    assert!(md.contains("> **Note.** the scenario"));
}

#[test]
fn the_command_line_writes_files_and_exits_with_clear_codes() {
    let bin = env!("CARGO_BIN_EXE_downtime");
    let dir = tempfile::tempdir().unwrap();
    let a = record(&alpha(), dir.path());
    let b = record(&bravo(), dir.path());
    let h = record(&hostile(), dir.path());
    let out = dir.path().join("cmp.json");
    let run = std::process::Command::new(bin)
        .current_dir(root())
        .args(["report", "--format", "json", "-o"])
        .arg(&out)
        .arg(&a)
        .arg(&b)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(json["schema_version"], 2);
    assert_eq!(json["kind"], "comparison");
    let run = std::process::Command::new(bin)
        .current_dir(root())
        .arg("report")
        .arg(&a)
        .output()
        .unwrap();
    assert!(run.status.success());
    assert!(String::from_utf8_lossy(&run.stdout).starts_with("# After-action report"));
    let run = std::process::Command::new(bin)
        .current_dir(root())
        .arg("report")
        .arg(&a)
        .arg(&h)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("different scenarios"));
    let run = std::process::Command::new(bin)
        .arg("report")
        .arg(dir.path().join("absent.jsonl"))
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("absent.jsonl"));
}

/// Whether two JSON values have the same fields at every level (first items of arrays;
/// `null` matches anything).
fn same_shape(a: &serde_json::Value, b: &serde_json::Value, path: &str) -> Result<(), String> {
    use serde_json::Value;
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let kx: Vec<&String> = x.keys().collect();
            let ky: Vec<&String> = y.keys().collect();
            if kx != ky {
                return Err(format!("{path}: fields {kx:?} vs {ky:?}"));
            }
            for (k, v) in x {
                same_shape(v, &y[k], &format!("{path}.{k}"))?;
            }
            Ok(())
        }
        (Value::Array(x), Value::Array(y)) => match (x.first(), y.first()) {
            (Some(p), Some(q)) => same_shape(p, q, &format!("{path}[0]")),
            _ => Ok(()),
        },
        (Value::Null, _) | (_, Value::Null) => Ok(()),
        (x, y) if std::mem::discriminant(x) == std::mem::discriminant(y) => Ok(()),
        _ => Err(format!("{path}: {a} vs {b}")),
    }
}

#[test]
fn the_schema_document_shows_the_real_structure() {
    let text = std::fs::read_to_string(root().join("docs/report-schema.md")).unwrap();
    let blocks: Vec<serde_json::Value> = text
        .split("```json\n")
        .skip(1)
        .map(|b| serde_json::from_str(b.split("\n```").next().unwrap()).expect("valid JSON"))
        .collect();
    assert_eq!(blocks.len(), 2);
    let dir = tempfile::tempdir().unwrap();
    let doc = build(&[record(&alpha(), dir.path()), record(&bravo(), dir.path())]);
    let json: serde_json::Value =
        serde_json::from_str(&report::render(&doc, ReportFormat::Json)).unwrap();
    let single = serde_json::json!({
        "schema_version": 2,
        "kind": "report",
        "reports": [json["reports"][1].clone()],
        "comparison": null,
    });
    assert_eq!(blocks[0]["schema_version"], report::SCHEMA_VERSION);
    same_shape(&blocks[0], &single, "report").unwrap();
    same_shape(&blocks[1], &json["comparison"], "comparison").unwrap();
}

#[test]
fn a_paris_journal_started_at_09_45_is_reported_at_09_45_with_its_zone() {
    let bin = env!("CARGO_BIN_EXE_downtime");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("paris.jsonl");
    let run = std::process::Command::new(bin)
        .current_dir(root())
        .env("TZ", "Europe/Paris")
        .args(["run", "scenarios/tutorial.ron", "--seed", "3", "--journal"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let (first, rest) = text.split_once('\n').unwrap();
    let mut header: serde_json::Value = serde_json::from_str(first).unwrap();
    assert_eq!(header["time_zone"], "Europe/Paris");
    let offset = header["utc_offset"].as_str().unwrap().to_string();
    if Path::new("/usr/share/zoneinfo/Europe/Paris").exists() {
        assert!(offset == "+01:00" || offset == "+02:00", "{offset}");
    }
    // The same journal as if started at 09:45 in Paris (CET in March, whatever the offset
    // recorded then: the database gives the room's offset at each instant).
    header["started_at"] = "2026-03-12T08:45:00Z".into();
    std::fs::write(&path, format!("{header}\n{rest}")).unwrap();
    // Reported from elsewhere: the room's zone, not the reader's.
    let report = std::process::Command::new(bin)
        .current_dir(root())
        .env("TZ", "America/New_York")
        .arg("report")
        .arg(&path)
        .output()
        .unwrap();
    assert!(report.status.success());
    let md = String::from_utf8_lossy(&report.stdout);
    let want = "started at 09:45:00 CET · Europe/Paris (UTC+01:00)";
    assert!(md.contains(want), "{want} not in:\n{md}");
}

#[test]
fn journals_without_a_zone_are_reported_in_utc() {
    let dir = tempfile::tempdir().unwrap();
    let doc = build(&[record(&alpha(), dir.path())]);
    let md = report::render(&doc, ReportFormat::Md);
    assert!(md.contains("started at 13:30:00 UTC"), "{md}");
}
