//! Headless Chromium for the print tests: finding the browser and printing a page to PDF,
//! polling for its exit with a generous timeout (never a fixed sleep).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The first Chromium that answers `--version`.
pub fn browser() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            Command::new(b)
                .arg("--version")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        })
}

/// Prints `html` to `pdf` with `browser` (a fresh `profile` folder, no header or footer),
/// failing the test when it takes longer than `timeout` or writes no PDF.
pub fn print_to_pdf(browser: &str, html: &Path, pdf: &Path, profile: &Path, timeout: Duration) {
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > timeout {
            let _ = child.kill();
            panic!("{browser} did not print {} in {timeout:?}", html.display());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(pdf.exists(), "{browser} wrote no PDF");
}
