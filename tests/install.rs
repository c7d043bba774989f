//! `cargo install --path .` gives a binary that needs nothing else: installed into a
//! temporary root, it is run from a folder far from the source tree and still knows its
//! version, checks and plays the bundled scenarios with their attachments, and explains a
//! diagnostic code from the embedded author's guide.
//!
//! The install builds the release profile (several minutes the first time), so it runs only
//! with `DOWNTIME_TEST_INSTALL=1` (`.ci/run` sets it); its build folder is
//! `target/install-test`, kept between runs so that a second run only relinks.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn run(bin: &Path, dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(bin)
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("HOME", dir)
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("APPDATA", dir.join("data"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_installed_binary_needs_nothing_from_the_source_tree() {
    if std::env::var_os("DOWNTIME_TEST_INSTALL").is_none_or(|v| v != "1") {
        eprintln!(
            "skipped: set DOWNTIME_TEST_INSTALL=1 to test `cargo install --path .` (.ci/run does)"
        );
        return;
    }
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let root = tempfile::tempdir().unwrap();
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let started = Instant::now();
    let status = Command::new(cargo)
        .args(["install", "--path"])
        .arg(&manifest)
        .arg("--root")
        .arg(root.path())
        .arg("--target-dir")
        .arg(manifest.join("target/install-test"))
        .args(["--locked", "--offline", "--quiet"])
        .status()
        .unwrap();
    assert!(status.success(), "cargo install failed: {status}");
    eprintln!("cargo install took {:.0?}", started.elapsed());
    let bin = root
        .path()
        .join("bin")
        .join(format!("downtime{}", std::env::consts::EXE_SUFFIX));
    assert!(bin.is_file(), "{} was not installed", bin.display());

    // A folder with nothing in it, outside the source tree.
    let away = tempfile::tempdir().unwrap();
    assert!(!away.path().starts_with(&manifest));
    let (code, out, err) = run(&bin, away.path(), &["--version"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out.trim(),
        format!("downtime {}", env!("CARGO_PKG_VERSION")),
        "{out}"
    );
    for name in ["tutorial", "saturday-night-blackout", "pathology-outage"] {
        let (code, out, err) = run(&bin, away.path(), &["check", &format!("bundled:{name}")]);
        assert_eq!(code, 0, "bundled:{name}: {out}{err}");
    }
    // Played in full, the tutorial shows its attachment (embedded, not read from scenarios/).
    let (code, out, err) = run(
        &bin,
        away.path(),
        &[
            "run",
            "bundled:tutorial",
            "--seed",
            "1",
            "--full",
            "--no-journal",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("YOUR FILES ARE ENCRYPTED"), "{out}");
    // The guide behind `explain` is embedded too.
    let (code, out, err) = run(&bin, away.path(), &["explain", "DT0006"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("DT0006") && out.contains("unknown id"),
        "{out}"
    );
    // The translations ship with it.
    let (code, out, err) = run(
        &bin,
        away.path(),
        &[
            "run",
            "bundled:tutorial",
            "--lang",
            "zh",
            "--seed",
            "1",
            "--no-journal",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(!out.is_ascii(), "the Chinese tutorial: {out}");
    // Nothing was written beside the user but the data folder, if anything.
    for e in std::fs::read_dir(away.path()).unwrap() {
        let name = e.unwrap().file_name();
        assert_eq!(name, "data", "unexpected {name:?} in the working folder");
    }
}
