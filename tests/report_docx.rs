//! `downtime report --format docx`: the Word document's tree follows the report's outline
//! (every numbered section and lettered annex as a heading, in order; the improvement plan
//! as a table with the HSEEP columns; the charts), in the report's language; comparisons
//! start with the comparison; the command line writes the bytes to a file or a pipe; and
//! LibreOffice opens the document and finds every section title in it.
//!
//! Without LibreOffice the LibreOffice test says it skipped, except on CI (`CI` set), where
//! it fails (`tests/support/office.rs`).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

#[path = "support/cli.rs"]
mod cli;
#[path = "support/office.rs"]
mod office;

use cli::downtime_in;
use downtime::i18n::Lang;
use downtime::print::Block;
use downtime::report::{self, Document, outline};

const BIN: &str = env!("CARGO_BIN_EXE_downtime");
const FLAGSHIP: &str = "scenarios/saturday-night-blackout.ron";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Plays the flagship headlessly into a journal under `dir`, in `lang` (`fr`: from its
/// French translation, `scenarios/saturday-night-blackout.fr.ron`).
fn play(dir: &Path, lang: &str, policy: &str, seed: u64) -> PathBuf {
    let journal = dir.join(format!("flagship-{lang}-{policy}-{seed}.jsonl"));
    let out = Command::new(BIN)
        .current_dir(root())
        .args(["--lang", lang, "run", FLAGSHIP, "--policy", policy])
        .args(["--seed", &seed.to_string(), "--journal"])
        .arg(&journal)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    journal
}

/// The report document of journals, with the skill-and-luck analysis when `analysis`.
fn build(journals: &[PathBuf], analysis: bool) -> Document {
    let config = downtime::analysis::Config::default();
    report::build_with(journals, None, analysis.then_some(&config))
        .unwrap()
        .document
}

/// The titles of the sections of each report, as the outline numbers and letters them.
fn titles(doc: &Document, k: usize) -> Vec<String> {
    outline::sections(&doc.reports[k])
        .into_iter()
        .map(|(_, t)| t)
        .collect()
}

#[test]
fn the_flagships_word_tree_follows_the_outline_with_the_plan_and_the_charts() {
    let dir = tempfile::tempdir().unwrap();
    let doc = build(&[play(dir.path(), "en", "random", 7)], true);
    let r = &doc.reports[0];
    let tree = report::word::document(&doc);
    assert_eq!(tree.lang, "en");
    assert_eq!(tree.title, r.overview.scenario.title);
    assert_eq!(
        tree.contents.as_deref(),
        Some(downtime::tr!(Lang::En, "report-contents").as_str())
    );
    assert!(tree.marking.is_some());
    // Every section of the outline is a top-level heading, in order, and nothing else is.
    let top: Vec<&str> = tree
        .headings()
        .into_iter()
        .filter(|(level, _)| *level == 1)
        .map(|(_, t)| t)
        .collect();
    assert_eq!(top, titles(&doc, 0));
    assert!(top.iter().any(|t| t.starts_with("Annex A.")), "{top:?}");
    assert!(tree.headings().iter().all(|(l, _)| (1..=3).contains(l)));
    // The improvement plan: the HSEEP columns, a row per item, then blank rows to fill in.
    let columns = outline::plan_columns(Lang::En).to_vec();
    let plan = tree
        .all_blocks()
        .into_iter()
        .find_map(|b| match b {
            Block::Table(t) if t.header == columns => Some(t),
            _ => None,
        })
        .expect("the improvement plan's table");
    assert!(!r.improvement_plan.is_empty());
    assert_eq!(
        plan.rows.len(),
        r.improvement_plan.len() + outline::BLANK_PLAN_ROWS
    );
    assert!(
        tree.blocks
            .iter()
            .any(|b| matches!(b, Block::Landscape(inner)
            if inner.iter().any(|b| matches!(b, Block::Table(t) if t.header == columns)))),
        "the improvement plan is on landscape pages"
    );
    for (row, item) in plan.rows.iter().zip(&r.improvement_plan) {
        assert_eq!(row.len(), columns.len());
        assert_eq!(row[1].to_plain(), item.issue);
        assert_eq!(row[2].to_plain(), item.corrective_action);
    }
    // Every table's rows have as many cells as its header.
    for b in tree.all_blocks() {
        if let Block::Table(t) = b {
            assert!(
                t.rows.iter().all(|row| row.len() == t.header.len()),
                "{t:?}"
            );
        }
    }
    // The charts: the HTML report's SVG, standing alone, with a size and a description.
    let charts: Vec<_> = tree
        .all_blocks()
        .into_iter()
        .filter_map(|b| match b {
            Block::Chart(c) => Some(c),
            _ => None,
        })
        .collect();
    assert!(charts.len() >= r.metrics.len() && !charts.is_empty());
    for c in charts {
        assert!(c.svg.starts_with("<svg") && c.svg.contains("<style>"));
        assert!(c.width > 0 && c.height > 0 && c.height < c.width);
        assert!(!c.alt.is_empty() && c.caption.is_some());
    }
    // Grades stay out unless asked for: the tree shows what the report holds.
    assert!(tree.visible_text().contains(&r.overview.journal.file));
    // Deterministic.
    assert_eq!(tree, report::word::document(&doc));
}

#[test]
fn the_grade_is_in_the_word_report_only_when_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = build(&[play(dir.path(), "en", "best-practice", 3)], false);
    let grade = doc.reports[0].results.score.grade.clone().expect("a grade");
    let line = downtime::tr!(
        Lang::En,
        "report-grade",
        grade = grade.grade.as_str(),
        label = grade.label.as_str()
    );
    assert!(report::word::document(&doc).visible_text().contains(&line));
    report::without_grades(&mut doc);
    assert!(!report::word::document(&doc).visible_text().contains(&line));
}

#[test]
fn the_french_flagship_is_a_french_document() {
    let dir = tempfile::tempdir().unwrap();
    let doc = build(&[play(dir.path(), "fr", "best-practice", 3)], false);
    assert_eq!(doc.lang(), Lang::Fr);
    let tree = report::word::document(&doc);
    assert_eq!(tree.lang, "fr");
    assert_eq!(
        tree.contents.as_deref(),
        Some(downtime::tr!(Lang::Fr, "report-contents").as_str())
    );
    let top: Vec<&str> = tree
        .headings()
        .into_iter()
        .filter(|(level, _)| *level == 1)
        .map(|(_, t)| t)
        .collect();
    assert_eq!(top, titles(&doc, 0));
    let columns = outline::plan_columns(Lang::Fr).to_vec();
    assert!(
        tree.all_blocks()
            .into_iter()
            .any(|b| matches!(b, Block::Table(t) if t.header == columns))
    );
}

#[test]
fn a_comparison_starts_with_the_comparison_then_each_groups_report() {
    let dir = tempfile::tempdir().unwrap();
    let journals = [
        play(dir.path(), "en", "random", 7),
        play(dir.path(), "en", "best-practice", 3),
    ];
    let doc = build(&journals, false);
    let tree = report::word::document(&doc);
    let l = Lang::En;
    let headings: Vec<(u8, &str)> = tree.headings();
    let comparison = [
        downtime::tr!(l, "report-c-leaderboard"),
        downtime::tr!(l, "report-c-divergences"),
        downtime::tr!(l, "report-c-metrics"),
        downtime::tr!(l, "report-c-checks"),
    ];
    let first: Vec<&str> = headings
        .iter()
        .filter(|(level, _)| *level == 1)
        .map(|(_, t)| *t)
        .take(4)
        .collect();
    assert_eq!(first, comparison);
    assert_eq!(headings[0], (1, comparison[0].as_str()));
    // Then each group's report, its sections one level down.
    for (k, r) in doc.reports.iter().enumerate() {
        let group = downtime::tr!(l, "report-c-group-report", label = r.label.as_str());
        let at = headings
            .iter()
            .position(|h| *h == (1, group.as_str()))
            .unwrap_or_else(|| panic!("{group} in {headings:?}"));
        let sections: Vec<&str> = headings[at + 1..]
            .iter()
            .take_while(|(level, _)| *level > 1)
            .filter(|(level, _)| *level == 2)
            .map(|(_, t)| *t)
            .collect();
        assert_eq!(sections, titles(&doc, k));
    }
}

#[test]
fn docx_goes_to_a_pipe_a_file_or_dash() {
    let dir = tempfile::tempdir().unwrap();
    let journal = play(dir.path(), "en", "first", 1);
    let j = journal.to_str().unwrap();
    let file = dir.path().join("aar.docx");
    let f = file.to_str().unwrap();
    let runs = [
        (
            vec!["report", "--no-analysis", "--format", "docx", j],
            false,
        ),
        (
            vec!["report", "--no-analysis", "--format", "docx", "-o", "-", j],
            false,
        ),
        (
            vec!["report", "--no-analysis", "--format", "docx", "-o", f, j],
            true,
        ),
    ];
    for (args, to_file) in runs {
        let (code, out, err) = downtime_in(Some(&root()), &args, None);
        assert_eq!(code, 0, "{args:?}: {err}");
        let bytes = if to_file {
            assert!(out.is_empty());
            std::fs::read(&file).unwrap()
        } else {
            out
        };
        assert!(bytes.starts_with(b"PK"), "{args:?}: not a zip");
    }
}

/// Runs `command` in a pseudo-terminal with util-linux's `script`: its exit code and what
/// it printed, or `None` without `script`.
fn in_terminal(command: &str) -> Option<(i32, String)> {
    let out = Command::new("script")
        .args(["-qec", command, "/dev/null"])
        .current_dir(root())
        .stdin(Stdio::null())
        .output()
        .ok()?;
    Some((
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    ))
}

#[test]
fn docx_is_never_written_into_a_terminal_unasked() {
    let dir = tempfile::tempdir().unwrap();
    let journal = play(dir.path(), "en", "first", 1);
    let command = format!(
        "{BIN} report --no-analysis --format docx {}",
        journal.display()
    );
    let Some((code, shown)) = in_terminal(&command) else {
        println!("SKIPPED: no `script` (util-linux) to give the report a terminal");
        return;
    };
    assert_eq!(code, 2, "{shown}");
    assert!(shown.contains("-o FILE.docx"), "{shown}");
    assert!(!shown.contains("PK"), "a zip in the terminal");
}

#[test]
fn libreoffice_opens_the_word_report_and_shows_every_section_and_chart() {
    let Some(office) = office::office_or_skip("libreoffice-writer") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let journal = play(dir.path(), "en", "random", 7);
    let docx = dir.path().join("aar.docx");
    let (code, _, err) = downtime_in(
        Some(&root()),
        &[
            "report",
            "--format",
            "docx",
            "-o",
            docx.to_str().unwrap(),
            journal.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(code, 0, "{err}");
    let outdir = dir.path().join("out");
    let pdf = office::convert(&office, &docx, "pdf", &outdir);
    // Lines may wrap and spaces stretch: compare without whitespace.
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    let text = squeeze(&office::pdf_text(&pdf));
    let doc = build(&[journal], true);
    for title in titles(&doc, 0) {
        assert!(text.contains(&squeeze(&title)), "{title} is not in the PDF");
    }
    let charts = report::word::document(&doc)
        .all_blocks()
        .into_iter()
        .filter(|b| matches!(b, Block::Chart(_)))
        .count();
    assert!(office::pdf_images(&pdf) >= charts, "{charts} charts");
    // Pages as pictures, for people who want to look (`DOWNTIME_DOCX_PAGES=DIR`).
    if let Some(keep) = std::env::var_os("DOWNTIME_DOCX_PAGES") {
        let keep = PathBuf::from(keep);
        std::fs::create_dir_all(&keep).unwrap();
        std::fs::copy(&docx, keep.join("aar.docx")).unwrap();
        let status = Command::new("pdftoppm")
            .args(["-png", "-r", "60"])
            .arg(&pdf)
            .arg(keep.join("page"))
            .status()
            .unwrap();
        assert!(status.success());
    }
}

#[test]
fn french_and_chinese_word_reports_leave_no_english_words_behind() {
    let fixtures = root().join("tests/fixtures");
    let scenario = fixtures.join("scenarios/night-shift.ron");
    let journal = |name: &str| fixtures.join(format!("journals/night-shift-{name}.jsonl"));
    let english = [
        "still open",
        "not taken",
        "not reached",
        "(first ",
        " entries)",
        "unchanged",
        "played version",
        "resumed after",
        "Exercise overview",
        "Annex ",
        "Improvement plan",
        ">Up<",
        ">Down<",
        ">Restored<",
    ];
    for lang in [Lang::Fr, Lang::Zh] {
        for journals in [
            vec![journal("a"), journal("b")],
            vec![journal("a"), journal("unfinished")],
        ] {
            let doc = report::build_in(&journals, Some(&scenario), None, Some(lang), Lang::En)
                .unwrap()
                .document;
            let tree = report::word::document(&doc);
            assert_eq!(tree.lang, lang.tag());
            let mut text = tree.visible_text();
            for b in tree.all_blocks() {
                if let Block::Chart(c) = b {
                    text.push_str(&c.svg);
                }
            }
            for word in english {
                assert!(!text.contains(word), "{lang:?} {journals:?}: `{word}`");
            }
        }
    }
}
