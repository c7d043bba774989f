//! One rule for terminal output: outside `src/output.rs`, no code writes to standard
//! output or standard error by itself. Everything goes through `downtime::output`, which
//! sanitises every byte, so a path, a file name or a scenario text formatted into a message
//! can never carry a control sequence to the terminal. Test modules may print.

use std::path::Path;

const FORBIDDEN: [&str; 8] = [
    "println!",
    "eprintln!",
    "print!(",
    "eprint!(",
    "io::stdout()",
    "io::stderr()",
    "dbg!(",
    "ProgressDrawTarget::stdout",
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn nothing_prints_past_the_sanitiser() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.sort();
    let mut found = Vec::new();
    for f in &files {
        let rel = f
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if rel == "src/output.rs" {
            continue;
        }
        let text = std::fs::read_to_string(f).unwrap();
        // Unit tests at the end of a file may print what they like.
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (n, line) in code.lines().enumerate() {
            let t = line.trim_start();
            if t.starts_with("//") {
                continue;
            }
            // `print!(` also matches inside `eprint!(`/`println!(`; report each line once.
            if let Some(p) = FORBIDDEN.iter().find(|p| {
                let mut rest = t;
                while let Some(i) = rest.find(**p) {
                    let before = rest[..i].chars().next_back();
                    if !before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        return true;
                    }
                    rest = &rest[i + p.len()..];
                }
                false
            }) {
                found.push(format!("{rel}:{}: `{p}` in: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "print through downtime::output (outln!, errln!, output::stdout()) instead:\n{}",
        found.join("\n")
    );
    // The test sees what it must: the sanitiser's own module uses what it forbids elsewhere.
    let own = std::fs::read_to_string(root.join("src/output.rs")).unwrap();
    assert!(own.contains("io::stdout()") && own.contains("io::stderr()"));
}
