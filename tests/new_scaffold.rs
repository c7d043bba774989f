//! `downtime new`: the skeleton passes `check` with no diagnostic for every team count,
//! shows every section, and never overwrites a file by accident.

use std::process::Command;

use downtime::scaffold;
use downtime::scenario::load_file;

fn new_in(dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_downtime"))
        .current_dir(dir)
        .arg("new")
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
fn skeletons_pass_check_with_zero_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    for teams in 1..=4 {
        let name = format!("drill-{teams}");
        let (code, out, err) = new_in(dir.path(), &[&name, "--teams", &teams.to_string()]);
        assert_eq!(code, 0, "{err}");
        assert!(out.contains(&format!("wrote {name}.ron")), "{out}");
        let path = dir.path().join(format!("{name}.ron"));
        let loaded = load_file(&path);
        assert!(
            loaded.report.diagnostics.is_empty(),
            "--teams {teams}:\n{}",
            loaded.report.render_text(100)
        );
        let sc = loaded.scenario.unwrap();
        assert_eq!(sc.teams.len(), teams);
        assert_eq!(sc.meta.id, format!("drill_{teams}"));
        // And through the real `check` command.
        let check = Command::new(env!("CARGO_BIN_EXE_downtime"))
            .args(["check", "--deny-warnings"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(check.status.success());
        assert!(String::from_utf8_lossy(&check.stdout).contains("0 errors, 0 warnings"));
    }
}

#[test]
fn the_skeleton_shows_every_section_and_trigger_kind() {
    let text = scaffold::skeleton("Night drill", 3);
    for section in [
        "meta:",
        "objectives:",
        "sources:",
        "teams:",
        "clock:",
        "phases:",
        "parameters:",
        "metrics:",
        "thresholds:",
        "flags:",
        "counters:",
        "systems:",
        "services:",
        "injects:",
        "decision:",
        "options:",
        "requires:",
        "outcomes:",
        "timeout:",
        "follow_up:",
        "deadlines:",
        "random_events:",
        "endings:",
        "scoring:",
        "grades:",
        "checks:",
        "within:",
        "kind: Bool",
        "kind: Choice",
        "kind: Number",
    ] {
        assert!(text.contains(section), "missing `{section}`");
    }
    let file = downtime::graph::parse_file(&text).unwrap();
    let has = |f: fn(&downtime::scenario::model::Inject) -> bool| file.injects.iter().any(f);
    assert!(has(|i| i.at.is_some()));
    assert!(has(|i| i.after.as_ref().is_some_and(|a| !a.contains('.'))));
    assert!(has(|i| i.after.as_ref().is_some_and(|a| a.contains('.'))));
    assert!(has(|i| i.when.is_some()));
    assert!(has(|i| i.at.is_none()
        && i.after.is_none()
        && i.when.is_none()));
    assert!(has(|i| i.chance.is_some()));
    assert!(
        text.lines()
            .filter(|l| l.trim_start().starts_with("//"))
            .count()
            >= 20
    );
}

#[test]
fn every_team_count_up_to_eight_is_clean() {
    for teams in 1..=8 {
        let text = scaffold::skeleton("x", teams);
        let loaded = downtime::scenario::load_str(
            "x.ron",
            &text,
            "sha256:test".into(),
            &downtime::scenario::files::NoFiles,
        );
        assert!(
            loaded.report.diagnostics.is_empty(),
            "{teams}: {}",
            loaded.report.render_text(100)
        );
    }
}

#[test]
fn ids_and_titles_derive_from_the_name() {
    assert_eq!(scaffold::id_for("My Drill 2025"), "my_drill_2025");
    assert_eq!(
        scaffold::id_for("saturday-night-blackout.ron"),
        "saturday_night_blackout"
    );
    assert_eq!(scaffold::id_for("some/dir/Ward 4B.ron"), "ward_4b");
    assert_eq!(scaffold::id_for("2025 drill"), "scenario_2025_drill");
    assert_eq!(scaffold::id_for("éé"), "new_scenario");
    assert_eq!(
        scaffold::title_for("saturday-night_blackout"),
        "Saturday night blackout"
    );
    assert_eq!(scaffold::file_for("x").to_str(), Some("x.ron"));
    assert_eq!(scaffold::file_for("x.RON").to_str(), Some("x.RON"));
    // A name with quotes and backslashes still gives a valid file.
    let text = scaffold::skeleton("Bob's \"quoted\" \\ drill", 2);
    let loaded = downtime::scenario::load_str(
        "q.ron",
        &text,
        "sha256:test".into(),
        &downtime::scenario::files::NoFiles,
    );
    assert!(
        loaded.report.diagnostics.is_empty(),
        "{}",
        loaded.report.render_text(100)
    );
    assert_eq!(
        loaded.scenario.unwrap().meta.title,
        "Bob's \"quoted\" \\ drill"
    );
}

#[test]
fn refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.ron");
    std::fs::write(&path, "my precious work").unwrap();
    let (code, _, err) = new_in(dir.path(), &["mine"]);
    assert_eq!(code, 1);
    assert!(err.contains("already exists; use --force"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "my precious work");
    let (code, _, err) = new_in(dir.path(), &["mine.ron", "--force"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("#![enable(implicit_some)]")
    );
    let (code, _, _) = new_in(dir.path(), &["x", "--teams", "9"]);
    assert_eq!(code, 2);
    std::fs::create_dir(dir.path().join("adir.ron")).unwrap();
    let (code, _, err) = new_in(dir.path(), &["adir", "--force"]);
    assert_eq!(code, 2);
    assert!(err.contains("is a folder"), "{err}");
}
