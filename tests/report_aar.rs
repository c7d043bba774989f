//! The after-action report a director can send: a main part (overview, executive summary,
//! analysis of objectives), the improvement plan, then annexes; the scenario's guidance and
//! the score only in the facilitator's annex; counts with the right plural; and the
//! flagship's main part and improvement plan on at most 12 A4 pages, printed by a real
//! headless Chromium.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

#[path = "support/chromium.rs"]
mod chromium;

use chromium::{browser, print_to_pdf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Plays the flagship headlessly into a journal under `dir`.
fn flagship(dir: &Path, policy: &str, seed: u64) -> PathBuf {
    let journal = dir.join(format!("flagship-{policy}-{seed}.jsonl"));
    let out = Command::new(env!("CARGO_BIN_EXE_downtime"))
        .current_dir(root())
        .args([
            "run",
            "scenarios/saturday-night-blackout.ron",
            "--policy",
            policy,
        ])
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

/// The report of `journal` in `format`, written into a temporary folder (never beside a
/// committed fixture).
fn report(journal: &Path, format: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("report.{format}"));
    let out = Command::new(env!("CARGO_BIN_EXE_downtime"))
        .args(["report", "--format", format, "-o"])
        .arg(&path)
        .arg(journal)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read_to_string(&path).unwrap()
}

/// The Markdown report split at its `## ` headings: (heading, body).
fn sections(md: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in md.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            out.push((h.to_string(), String::new()));
        } else if let Some((_, body)) = out.last_mut() {
            body.push_str(line);
            body.push('\n');
        }
    }
    out
}

#[test]
fn the_report_has_a_main_part_an_improvement_plan_and_annexes() {
    let dir = tempfile::tempdir().unwrap();
    let md = report(&flagship(dir.path(), "random", 7), "md");
    let heads: Vec<String> = sections(&md).into_iter().map(|(h, _)| h).collect();
    assert_eq!(
        heads,
        [
            "1. Exercise overview",
            "2. Executive summary",
            "3. Analysis of objectives",
            "4. Improvement plan",
            "Annex A. Timeline",
            "Annex B. Metrics, systems and services",
            "Annex C. Best-practice checks",
            "Annex D. Decisions",
            "Annex E. Deadlines",
            "Annex F. Skill and luck in detail",
            "Annex G. Hot wash: discussion questions",
            "Annex H. For the facilitator: guidance and score",
            "Annex I. Sources and exercise data",
        ]
    );
    let all = sections(&md);
    let summary = &all[1].1;
    for part in [
        "**Ending:**",
        "**Evaluation.**",
        "**Strengths**",
        "**Areas for improvement**",
        "**The decisions that mattered most**",
        "**Skill and luck.**",
        "**Key figures**",
    ] {
        assert!(summary.contains(part), "summary lacks {part}:\n{summary}");
    }
    // The improvement plan: HSEEP columns, the organisation's columns left blank.
    let plan = &all[3].1;
    assert!(plan.contains(
        "| Objective | Issue / area for improvement | Corrective action | Capability | \
         Responsible organisation | Point of contact | Start date | Completion date |"
    ));
    let rows: Vec<&str> = plan
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| Objective"))
        .collect();
    assert!(rows.len() > 3, "{plan}");
    for r in &rows {
        assert!(
            r.ends_with("|  |  |  |  |"),
            "pre-filled organisation columns: {r}"
        );
    }
}

#[test]
fn guidance_and_score_are_only_in_the_facilitator_annex() {
    let dir = tempfile::tempdir().unwrap();
    for policy in ["random", "best-practice"] {
        let journal = flagship(dir.path(), policy, 7);
        let md = report(&journal, "md");
        for (head, body) in sections(&md) {
            let facilitator = head.contains("For the facilitator");
            for word in ["✓ recommended", "guidance:", "(✓"] {
                assert!(!body.contains(word), "`{word}` in {head} ({policy})");
            }
            for word in ["Guidance recommends", "As recommended", "/100"] {
                assert_eq!(
                    body.contains(word),
                    facilitator,
                    "`{word}` in section {head} ({policy}):\n{body}"
                );
            }
            // No letter grade without `--grade`.
            assert!(!body.contains(", grade "), "a grade in {head}");
        }
        let html = report(&journal, "html");
        let annex = html
            .find("<section id=\"facilitator\"")
            .expect("facilitator annex");
        let end = annex + html[annex..].find("</section>").unwrap();
        let outside = format!("{}{}", &html[..annex], &html[end..]);
        for word in [
            "✓ recommended",
            "Guidance recommends",
            "/ 100",
            "Score breakdown",
        ] {
            assert!(
                !outside.contains(word),
                "`{word}` outside the facilitator annex"
            );
        }
        assert!(html[annex..end].contains("Guidance recommends"));
    }
}

/// The first count whose noun has the wrong number: `1 deadlines`, `2 deadline`, also
/// across an adjective (`1 linked checks`).
fn wrong_plural(text: &str) -> Option<String> {
    const NOUNS: [&str; 9] = [
        "decision",
        "deadline",
        "check",
        "objective",
        "undo",
        "curveball",
        "override",
        "timeout",
        "entry",
    ];
    let plural = |n: &str| {
        if n == "entry" {
            "entries".to_string()
        } else {
            format!("{n}s")
        }
    };
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || "()*|<>:;.,".contains(c))
        .filter(|w| !w.is_empty())
        .collect();
    for (i, w) in words.iter().enumerate() {
        let Ok(n) = w.parse::<u64>() else { continue };
        let mut next = words.get(i + 1).copied().unwrap_or("");
        if matches!(next, "best-practice" | "linked" | "metric") {
            next = words.get(i + 2).copied().unwrap_or("");
        }
        for noun in NOUNS {
            let wrong = if n == 1 {
                plural(noun)
            } else {
                noun.to_string()
            };
            if next == wrong {
                return Some(words[i..(i + 3).min(words.len())].join(" "));
            }
        }
    }
    None
}

#[test]
fn counts_are_written_with_the_right_plural() {
    assert_eq!(
        wrong_plural("1 linked checks met"),
        Some("1 linked checks".into())
    );
    assert_eq!(
        wrong_plural("2 deadline met"),
        Some("2 deadline met".into())
    );
    assert_eq!(
        wrong_plural("1 deadline met, 2 decisions, 1,000 replays"),
        None
    );
    let dir = tempfile::tempdir().unwrap();
    let journals = [
        flagship(dir.path(), "random", 7),
        flagship(dir.path(), "best-practice", 3),
        root().join("tests/fixtures/journals/night-shift-a.jsonl"),
    ];
    for j in &journals {
        for format in ["md", "html"] {
            let text = report(j, format);
            assert!(
                !text.contains("(s)"),
                "{} {format}: a `(s)` plural",
                j.display()
            );
            if let Some(m) = wrong_plural(&text) {
                panic!("{} {format}: `{m}`", j.display());
            }
        }
    }
}

/// A Chromium-family browser, if one is installed.
/// Prints `html` to an A4 PDF with the report's print stylesheet and returns its pages.
fn print_pages(browser: &str, html: &Path, pdf: &Path, profile: &Path) -> usize {
    print_to_pdf(browser, html, pdf, profile, Duration::from_secs(180));
    let bytes = std::fs::read(pdf).expect("the PDF");
    // Each page is an object `/Type /Page` (the tree's nodes are `/Type /Pages`).
    let text = String::from_utf8_lossy(&bytes);
    text.match_indices("/Type /Page")
        .filter(|(i, m)| !text[i + m.len()..].starts_with('s'))
        .count()
}

#[test]
fn the_flagship_main_part_and_improvement_plan_print_on_at_most_12_a4_pages() {
    let Some(browser) = browser() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "Chromium is needed on CI (.ci/run installs it)"
        );
        eprintln!("skipped: no Chromium (apt-get install -y chromium)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    // The run that misses the most (random choices) and best practice.
    for (policy, seed) in [("random", 7), ("first", 1), ("best-practice", 3)] {
        let journal = flagship(dir.path(), policy, seed);
        let html = report(&journal, "html");
        assert!(html.contains("class=\"annex\""));
        let main = html.replace(
            "</head>",
            "<style>section.annex { display: none; }</style></head>",
        );
        let path = dir.path().join(format!("main-{policy}.html"));
        std::fs::write(&path, main).unwrap();
        let profile = tempfile::tempdir().unwrap();
        let pages = print_pages(
            browser,
            &path,
            &dir.path().join(format!("main-{policy}.pdf")),
            profile.path(),
        );
        eprintln!("{policy}: main part and improvement plan on {pages} A4 pages");
        assert!(
            (3..=12).contains(&pages),
            "{policy}: {pages} pages for the main part and the improvement plan"
        );
    }
}
