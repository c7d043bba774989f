//! The interface's catalogues are complete: every key exists in English, French and
//! Chinese, with the same variables, every key is used in the code, and every key the code
//! uses exists.

use std::collections::BTreeSet;
use std::path::Path;

const LANGS: [&str; 3] = ["en", "fr", "zh"];

/// The message ids of one catalogue, with the variables each uses, in file order.
fn catalogue(lang: &str) -> Vec<(String, BTreeSet<String>)> {
    let mut out: Vec<(String, BTreeSet<String>)> = Vec::new();
    for (path, text) in files(lang) {
        read_catalogue(&path, &text, &mut out);
    }
    out
}

/// The catalogue files of a language: `assets/i18n/LANG/*.ftl`, sorted.
fn files(lang: &str) -> Vec<(String, String)> {
    let dir = format!("{}/assets/i18n/{lang}", env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect()
}

fn read_catalogue(path: &str, text: &str, out: &mut Vec<(String, BTreeSet<String>)>) {
    let mut current = false;
    for (n, line) in text.lines().enumerate() {
        if let Some((key, _)) = line.split_once(" =")
            && !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            assert!(
                !out.iter().any(|(k, _)| k == key),
                "{path}:{}: `{key}` is defined twice",
                n + 1
            );
            out.push((key.to_string(), BTreeSet::new()));
            current = true;
        }
        if line.starts_with('#') {
            continue;
        }
        let Some((_, vars)) = out.last_mut().filter(|_| current) else {
            continue;
        };
        let mut rest = line;
        while let Some(i) = rest.find('$') {
            rest = &rest[i + 1..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect();
            vars.insert(name);
        }
    }
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| e == "rs" || e == "js" || e == "html")
        {
            out.push(path);
        }
    }
}

/// A source file without its comment lines and with escaped quotes and quote characters
/// removed, so that splitting at `"` alternates between code and string literals.
fn code(file: &Path) -> String {
    let text = std::fs::read_to_string(file).unwrap();
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
        .replace("\\\\", "")
        .replace("\\\"", "")
        .replace("'\"'", "")
}

/// Every string literal in the code and web assets.
fn literals() -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("assets/web"), &mut files);
    let mut out = BTreeSet::new();
    for file in files {
        let text = code(&file);
        for piece in text.split('"').skip(1).step_by(2) {
            out.insert(piece.to_string());
        }
    }
    out
}

#[test]
fn every_key_exists_in_every_language_with_the_same_variables() {
    let en = catalogue("en");
    assert!(!en.is_empty());
    for lang in &LANGS[1..] {
        let other = catalogue(lang);
        let keys: BTreeSet<&String> = other.iter().map(|(k, _)| k).collect();
        let missing: Vec<&String> = en
            .iter()
            .map(|(k, _)| k)
            .filter(|k| !keys.contains(k))
            .collect();
        assert!(missing.is_empty(), "{lang}.ftl lacks {missing:?}");
        let en_keys: BTreeSet<&String> = en.iter().map(|(k, _)| k).collect();
        let extra: Vec<&String> = keys.into_iter().filter(|k| !en_keys.contains(k)).collect();
        assert!(
            extra.is_empty(),
            "{lang}.ftl has keys en.ftl lacks: {extra:?}"
        );
        for (key, vars) in &en {
            let theirs = &other.iter().find(|(k, _)| k == key).unwrap().1;
            assert_eq!(
                vars, theirs,
                "`{key}` uses other variables in {lang}.ftl than in en.ftl"
            );
        }
    }
}

#[test]
fn every_key_is_used_and_every_used_key_exists() {
    let used = literals();
    let unused: Vec<String> = catalogue("en")
        .into_iter()
        .map(|(k, _)| k)
        .filter(|k| !used.contains(k))
        .collect();
    assert!(unused.is_empty(), "keys no code uses: {unused:?}");
    // Every literal key given to `tr!` exists in English.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let en: BTreeSet<String> = catalogue("en").into_iter().map(|(k, _)| k).collect();
    for file in files {
        let text = code(&file);
        let pieces: Vec<&str> = text.split("tr!(").collect();
        for (before, piece) in pieces.iter().zip(pieces.iter().skip(1)) {
            // `include_str!(` is not `tr!(`.
            if before.ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let Some(key) = piece.split('"').nth(1) else {
                continue;
            };
            assert!(
                en.contains(key),
                "{}: `{key}` is not in en.ftl",
                file.display()
            );
        }
    }
}

#[test]
fn catalogues_parse_without_errors() {
    for lang in LANGS {
        let files = files(lang);
        assert_eq!(
            files.len(),
            6,
            "{lang}: the six files src/i18n/catalogue.rs embeds"
        );
        for (path, text) in files {
            if let Err((_, errors)) = fluent_bundle::FluentResource::try_new(text) {
                panic!("{path}: {errors:?}");
            }
        }
    }
}

#[test]
fn every_key_the_web_seat_page_uses_is_in_the_seat_catalogue() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // The page's script gets the seat catalogue (and the two pick words), nothing else.
    let seat: BTreeSet<String> = {
        let mut out = Vec::new();
        let path = root.join("assets/i18n/en/seat.ftl");
        let text = std::fs::read_to_string(&path).unwrap();
        read_catalogue(&path.display().to_string(), &text, &mut out);
        out.into_iter()
            .map(|(k, _)| k)
            .chain(["pick-exactly".to_string(), "pick-range".to_string()])
            .collect()
    };
    let en: BTreeSet<String> = catalogue("en").into_iter().map(|(k, _)| k).collect();
    let mut found = 0;
    for (file, opener, keys) in [
        ("assets/web/app.js", "t(\"", &seat),
        ("assets/web/app.html", "{{\"", &en),
        ("assets/web/join.html", "{{\"", &en),
    ] {
        let text = code(&root.join(file));
        let pieces: Vec<&str> = text.split(opener).collect();
        for (before, piece) in pieces.iter().zip(pieces.iter().skip(1)) {
            // `post("` is not `t("`.
            if before.ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '.') {
                continue;
            }
            let key = piece.split('"').next().unwrap_or("");
            found += 1;
            assert!(
                keys.contains(key),
                "{file}: `{key}` is not in the catalogue"
            );
        }
    }
    assert!(found > 40, "the pages use the catalogue ({found} keys)");
}
