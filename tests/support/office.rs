//! Headless LibreOffice for the document tests: finding it, converting a file (a workbook
//! to CSV, a Word document to PDF) with a private profile, polling for the end with a
//! generous timeout (never a fixed sleep), and reading a PDF's text back with poppler.

#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// `soffice` or `libreoffice` on PATH.
pub fn office() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|d| [d.join("soffice"), d.join("libreoffice")])
        .find(|p| p.is_file())
}

/// LibreOffice, or `None` with a line saying the test is skipped. Under CI (`CI` set) a
/// missing LibreOffice fails the test: `.ci/run` installs it.
pub fn office_or_skip(package: &str) -> Option<PathBuf> {
    let found = office();
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but LibreOffice is not installed (apt-get install {package})"
        );
        println!("SKIPPED: neither soffice nor libreoffice is on PATH (apt-get install {package})");
    }
    found
}

/// Converts `input` with LibreOffice (`to`: `pdf`, or a filter such as
/// `csv:Text - txt - csv (StarCalc):44,34,76,1`) into `outdir`, with a private profile
/// beside it; returns the converted file's path.
pub fn convert(office: &Path, input: &Path, to: &str, outdir: &Path) -> PathBuf {
    let profile = outdir.with_extension("profile");
    let mut child = Command::new(office)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--norestore", "--convert-to", to, "--outdir"])
        .arg(outdir)
        .arg(input)
        .env("HOME", outdir.parent().unwrap_or(outdir))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start LibreOffice");
    // A first start is slow (it builds the profile): a generous limit.
    let deadline = Instant::now() + Duration::from_secs(240);
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!(
                "LibreOffice did not convert {} within 240 s",
                input.display()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let mut err = String::new();
    let _ = child.stderr.take().unwrap().read_to_string(&mut err);
    assert!(status.success(), "LibreOffice failed: {err}");
    let ext = to.split(':').next().unwrap_or(to);
    let out = outdir.join(input.with_extension(ext).file_name().unwrap());
    assert!(
        out.is_file(),
        "LibreOffice wrote no {} (stderr: {err})",
        out.display()
    );
    out
}

/// A PDF's text, by `pdftotext` (poppler), with its layout (lines as on the page).
pub fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (apt-get install poppler-utils)");
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// How many pictures a PDF holds, by `pdfimages -list` (poppler).
pub fn pdf_images(pdf: &Path) -> usize {
    let out = Command::new("pdfimages")
        .arg("-list")
        .arg(pdf)
        .output()
        .expect("pdfimages (apt-get install poppler-utils)");
    assert!(out.status.success(), "pdfimages failed");
    // Two header lines, then one line per picture.
    String::from_utf8_lossy(&out.stdout).lines().skip(2).count()
}
