//! Attachments named by a scenario resolve only inside its folder or `assets/`:
//! `downtime check` on the fixture tree `tests/fixtures/paths/` refuses absolute paths,
//! `..` escapes and symbolic links that lead outside (a linked file, a linked folder, and
//! an `assets/` folder that is itself a link), each with a diagnostic, and never shows
//! the secret file they point at.
//!
//! The tree: `scenarios/*.ron` (one scenario per case), `scenarios/attachments/` (a real
//! note, `escape.txt` → `../../outside/secret.txt`, `outside-dir` → `../../outside`),
//! `assets/shared.txt` (shared assets beside the scenarios folder), `outside/secret.txt`,
//! and `linked/` (a scenario whose `assets` is a link to `../outside`).

use std::path::{Path, PathBuf};
use std::process::Command;

fn tree() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/paths")
}

/// Runs `downtime check` on one file; returns the exit code and the output.
fn check(file: &Path) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_downtime"))
        .arg("check")
        .arg(file)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs");
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    assert!(
        !text.contains("SECRET"),
        "the secret file's text leaked:\n{text}"
    );
    (out.status.code().unwrap_or(-1), text)
}

fn assert_refused(file: &str, reason: &str) {
    let (code, text) = check(&tree().join(file));
    assert_eq!(code, 1, "{file} should be refused:\n{text}");
    assert!(text.contains("DT0018"), "{file}:\n{text}");
    assert!(text.contains("cannot be used"), "{file}:\n{text}");
    // Long help lines wrap: compare with the whitespace collapsed.
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(reason), "{file}: no `{reason}` in\n{text}");
}

#[test]
fn the_fixture_links_are_in_place() {
    for link in [
        "scenarios/attachments/escape.txt",
        "scenarios/attachments/outside-dir",
        "linked/assets",
    ] {
        let meta = std::fs::symlink_metadata(tree().join(link)).unwrap();
        assert!(meta.file_type().is_symlink(), "{link} is a symbolic link");
    }
    assert!(tree().join("outside/secret.txt").is_file());
}

#[test]
fn attachments_inside_the_folder_or_assets_are_accepted() {
    for file in ["scenarios/inside.ron", "scenarios/shared-asset.ron"] {
        let (code, text) = check(&tree().join(file));
        assert_eq!(code, 0, "{file}:\n{text}");
        assert!(text.contains("ok:"), "{text}");
    }
    // And their text really is the file's.
    let loaded = downtime::scenario::load_file(&tree().join("scenarios/shared-asset.ron"));
    let sc = loaded.scenario.expect("loads");
    let a = sc.injects[0]
        .attachment
        .as_ref()
        .expect("has its attachment");
    assert!(a.text.contains("A shared asset"), "{}", a.text);
}

#[test]
fn absolute_paths_are_refused() {
    assert_refused("scenarios/absolute.ron", "absolute paths are not allowed");
}

#[test]
fn parent_folder_escapes_are_refused() {
    assert_refused("scenarios/dotdot.ron", "`..` is not allowed");
    assert_refused("scenarios/nested-dotdot.ron", "`..` is not allowed");
}

#[test]
fn symbolic_links_that_lead_outside_are_refused() {
    assert_refused("scenarios/symlink-file.ron", "leads outside");
    assert_refused("scenarios/symlink-dir.ron", "leads outside");
    assert_refused(
        "linked/scenario.ron",
        "is a symbolic link that leads outside",
    );
}

#[test]
fn a_folder_of_scenarios_reports_each_refusal() {
    let (code, text) = check(&tree().join("scenarios"));
    assert_eq!(code, 1, "{text}");
    assert_eq!(text.matches("DT0018").count(), 5, "{text}");
    assert!(
        text.contains("checked 7 files: 2 clean, 5 errors, 0 warnings"),
        "{text}"
    );
}
