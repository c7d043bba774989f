//! A Chinese after-action report in a real browser: a small zh scenario is played with
//! `downtime run`, reported as HTML, printed to PDF by headless Chromium, and the PDF is read
//! back with poppler (`pdffonts`, `pdftotext`). The Chinese text must come back out intact
//! (a character without a glyph comes back as nothing or as `.notdef`) and a font other than
//! the Latin one (DejaVu) must be embedded for it: Chromium embeds the Noto CJK OpenType
//! glyphs it used as Type 3 fonts.
//!
//! Without Chromium, poppler or a CJK font the test says it skipped, except on CI (`CI`
//! set), where `.ci/run` installs `chromium`, `poppler-utils` and `fonts-noto-cjk`.

#[path = "support/chromium.rs"]
mod chromium;

use std::process::{Command, Stdio};
use std::time::Duration;

use chromium::{browser, print_to_pdf};

const BIN: &str = env!("CARGO_BIN_EXE_downtime");
const FIXTURE: &str = "tests/fixtures/scenarios/zh-report.ron";

/// Whether `cmd --version`-like `args` run.
fn runs(cmd: &str, args: &[&str]) -> bool {
    Command::new(cmd)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// What is missing to run the test, if anything.
fn missing() -> Option<String> {
    if browser().is_none() {
        return Some("Chromium".into());
    }
    if !runs("pdftotext", &["-v"]) || !runs("pdffonts", &["-v"]) {
        return Some("poppler-utils (pdftotext, pdffonts)".into());
    }
    let cjk = Command::new("fc-list")
        .arg(":lang=zh")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains("CJK"))
        .unwrap_or(false);
    if !cjk {
        return Some("a CJK font (fonts-noto-cjk)".into());
    }
    None
}

fn run(args: &[&str]) -> String {
    let out = Command::new(BIN).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "downtime {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_chinese_report_prints_with_its_cjk_glyphs() {
    if let Some(what) = missing() {
        assert!(
            std::env::var_os("CI").is_none(),
            "{what} is needed on CI (.ci/run installs it)"
        );
        eprintln!("skipped: {what} is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("zh.jsonl");
    let html = dir.path().join("zh.html");
    let j = journal.to_str().unwrap();
    run(&[
        "run",
        FIXTURE,
        "--policy",
        "random",
        "--seed",
        "1",
        "--journal",
        j,
    ]);
    run(&[
        "report",
        "--format",
        "html",
        "-o",
        html.to_str().unwrap(),
        j,
    ]);
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<html lang=\"zh-Hans\">"), "the page's lang");
    assert!(
        page.contains("\"Noto Sans CJK SC\""),
        "the font stack names a CJK font"
    );

    let pdf = dir.path().join("zh.pdf");
    let profile = dir.path().join("profile");
    let browser = browser().unwrap_or("chromium");
    print_to_pdf(browser, &html, &pdf, &profile, Duration::from_secs(240));
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    for zh in [
        "夜班实验室停机演练",
        "危机小组",
        "检验室信息系统在夜间中断，危机小组必须决定是否隔离网络。",
    ] {
        assert!(
            text.contains(zh),
            "`{zh}` did not come back out of the PDF:\n{text}"
        );
    }
    assert!(
        !text.contains('\u{FFFD}') && !text.contains(".notdef"),
        "{text}"
    );
    let fonts = Command::new("pdffonts").arg(&pdf).output().unwrap();
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    let others = fonts
        .lines()
        .skip(2)
        .filter(|l| !l.contains("DejaVu"))
        .filter(|l| l.contains(" yes "))
        .count();
    assert!(
        others > 0,
        "no embedded font besides the Latin one:\n{fonts}"
    );
}
