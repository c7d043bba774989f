//! Embeds the bundled scenarios (and the text files they attach) in the binary, so that
//! `downtime play` offers them from any folder.

use std::fs;
use std::path::{Path, PathBuf};

fn files(dir: &Path, ext: Option<&str>, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut list: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    list.sort();
    for p in list {
        if p.is_dir() {
            files(&p, ext, out);
        } else if ext.is_none_or(|x| p.extension().is_some_and(|e| e == x)) {
            out.push(p);
        }
    }
}

fn main() {
    let root =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let scen_dir = root.join("scenarios");
    // Only paths that exist: Cargo re-runs a build script on every build while a watched path
    // is missing. `assets/attachments/` (attachments shared by scenarios, optional) is caught
    // by watching `assets/` as long as it does not exist.
    println!("cargo:rerun-if-changed=build.rs");
    for watched in ["scenarios", "assets/attachments", "assets"] {
        if root.join(watched).exists() {
            println!("cargo:rerun-if-changed={watched}");
            if watched == "assets/attachments" {
                break;
            }
        }
    }
    let mut scenarios = Vec::new();
    if let Ok(entries) = fs::read_dir(&scen_dir) {
        let mut list: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "ron"))
            .collect();
        list.sort();
        scenarios = list;
    }
    // `NAME.LANG.ron` beside `NAME.ron` is a translation of it, not a scenario.
    let is_translation = |p: &PathBuf| {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let stem = name.trim_end_matches(".ron");
        stem.rsplit_once('.')
            .is_some_and(|(base, _)| scen_dir.join(format!("{base}.ron")).is_file())
    };
    let (translations, scenarios): (Vec<PathBuf>, Vec<PathBuf>) =
        scenarios.into_iter().partition(is_translation);
    let mut attached = Vec::new();
    files(&scen_dir.join("attachments"), None, &mut attached);
    let mut assets = Vec::new();
    files(&root.join("assets/attachments"), None, &mut assets);
    let mut code = String::from(
        "/// Bundled scenarios: (file name, text).\npub static SCENARIOS: &[(&str, &str)] = &[\n",
    );
    for p in &scenarios {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        code.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            p.display().to_string()
        ));
    }
    code.push_str("];\n\n/// Translations of the bundled scenarios: (file name, text).\npub static TRANSLATIONS: &[(&str, &str)] = &[\n");
    for p in &translations {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        code.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            p.display().to_string()
        ));
    }
    code.push_str("];\n\n/// Files the bundled scenarios may attach: (path as a scenario names it, text).\npub static FILES: &[(&str, &str)] = &[\n");
    for p in &attached {
        let rel = p
            .strip_prefix(&scen_dir)
            .unwrap_or(p)
            .to_string_lossy()
            .replace('\\', "/");
        if fs::read_to_string(p).is_ok() {
            code.push_str(&format!(
                "    ({rel:?}, include_str!({:?})),\n",
                p.display().to_string()
            ));
        }
    }
    for p in &assets {
        let rel = p
            .strip_prefix(&root)
            .unwrap_or(p)
            .to_string_lossy()
            .replace('\\', "/");
        if fs::read_to_string(p).is_ok() {
            code.push_str(&format!(
                "    ({rel:?}, include_str!({:?})),\n",
                p.display().to_string()
            ));
        }
    }
    code.push_str("];\n");
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("bundled.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}
